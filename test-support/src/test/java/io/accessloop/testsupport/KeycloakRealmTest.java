package io.accessloop.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo realm, imported into a real Keycloak, issues the claims the services read: e-mail and groups. */
class KeycloakRealmTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aDemoEmployeeGetsATokenWithEmailAndGroups() throws Exception {
        HttpResponse<String> response = KeycloakResource.passwordGrant("alice", "alice-demo");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode claims = claims(mapper.readTree(response.body()).get("access_token").asText());
        assertThat(claims.get("email").asText()).isEqualTo("alice@example.com");
        assertThat(groups(claims)).contains("employee", "payments").doesNotContain("approver", "security");
        assertThat(claims.get("iss").asText()).isEqualTo(KeycloakResource.realmUrl().toString());
    }

    @Test
    void theApproverAndTheAuditorCarryTheirRoles() throws Exception {
        JsonNode bob = claims(mapper.readTree(KeycloakResource.passwordGrant("bob", "bob-demo").body())
                .get("access_token").asText());
        JsonNode dave = claims(mapper.readTree(KeycloakResource.passwordGrant("dave", "dave-demo").body())
                .get("access_token").asText());

        assertThat(groups(bob)).contains("approver", "db-owners");
        assertThat(groups(dave)).containsExactly("auditor");
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        HttpResponse<String> response = KeycloakResource.passwordGrant("alice", "not-her-password");

        assertThat(response.statusCode()).isBetween(400, 401);
        assertThat(response.body()).contains("invalid_grant").doesNotContain("access_token");
    }

    private JsonNode claims(String jwt) throws Exception {
        return mapper.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static List<String> groups(JsonNode claims) {
        List<String> groups = new ArrayList<>();
        claims.path("groups").forEach(g -> groups.add(g.asText()));
        return groups;
    }
}

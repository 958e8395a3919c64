package io.accessloop.broker.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.broker.Api;
import io.accessloop.broker.CatalogDirResource;
import io.accessloop.broker.ManagementRoleResource;
import io.accessloop.broker.PolicyWrites;
import io.accessloop.broker.SandboxAccount;
import io.accessloop.testsupport.SandboxResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.accessloop.broker.Api.ADMIN;
import static io.accessloop.broker.Api.ALICE;
import static io.accessloop.broker.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Roles in member accounts: IAM calls go through the account's management role (assumed with its external id), and
 * an entitlement's external id is passed to AssumeRole for the person's sessions and for revocation probes. The
 * sandbox holds one account, so the member account is modelled inside it (see {@link ManagementRoleResource}).
 */
@QuarkusTest
class MultiAccountTest {

    private static final String MANAGEMENT_SESSION = "arn:aws:sts::000000000000:assumed-role/"
            + ManagementRoleResource.ROLE + "/accessloop-broker";

    private static final String PARTNER_CATALOG = """
            entitlements:
              - name: partner-readonly
                account: "000000000000"
                roleArn: arn:aws:iam::000000000000:role/partner-readonly
                maxDuration: 1h
                eligible: [payments]
                approval: {automatic: true}
                externalId: partner-42
              - name: partner-wrong-id
                account: "000000000000"
                roleArn: arn:aws:iam::000000000000:role/partner-strict
                maxDuration: 1h
                eligible: [payments]
                approval: {automatic: true}
                externalId: not-the-one
            """;

    @Test
    void revocationsAreWrittenThroughTheAccountsManagementRole() throws Exception {
        SandboxAccount.ensureRoles();
        String grant = Api.grantFor(ALICE, "prod-readonly");
        as(ALICE).post("/api/v1/grants/" + grant + "/release").then().statusCode(200);

        List<JsonNode> writes = PolicyWrites.events("PutRolePolicy");
        List<JsonNode> ours = writes.stream()
                .filter(e -> e.path("requestParameters").path("policyName").asText().equals("accessloop-revocations"))
                .toList();
        assertThat(ours).isNotEmpty();
        assertThat(ours).allSatisfy(e -> assertThat(e.path("userIdentity").path("arn").asText())
                .isEqualTo(MANAGEMENT_SESSION));
        assertThat(ours).anySatisfy(e -> assertThat(e.path("requestParameters").path("roleName").asText())
                .isEqualTo("prod-readonly"));
        assertThat(PolicyWrites.events("GetRole")).anySatisfy(e -> assertThat(e.path("userIdentity").path("arn").asText())
                .isEqualTo(MANAGEMENT_SESSION));
    }

    @Test
    void anEntitlementsExternalIdOpensItsRoleAndAWrongOneIsFlaggedAndRefused() throws Exception {
        createRole("partner-readonly", "partner-42");
        createRole("partner-strict", "strict-7");
        Path file = CatalogDirResource.dir().resolve("partner.yaml");
        Files.writeString(file, PARTNER_CATALOG);
        try {
            as(ADMIN).post("/api/v1/catalog/reload").then().statusCode(200)
                    .body("warnings", hasItem("partner.yaml: partner-wrong-id: the trust policy of "
                            + "arn:aws:iam::000000000000:role/partner-strict does not allow sts:AssumeRole, "
                            + "sts:SetSourceIdentity, sts:TagSession for arn:aws:iam::000000000000:root with the "
                            + "entitlement's externalId"))
                    .body("warnings.findAll { it.contains('partner-readonly') }.size()", equalTo(0));

            String grant = automaticGrant("partner-readonly");
            JsonPath keys = as(ALICE).post("/api/v1/grants/" + grant + "/credentials").then().statusCode(200)
                    .extract().jsonPath();
            try (IamClient session = SandboxAccount.iamWith(keys.getString("AccessKeyId"),
                    keys.getString("SecretAccessKey"), keys.getString("SessionToken"))) {
                assertThat(session.getRole(b -> b.roleName("partner-readonly")).role().roleName())
                        .isEqualTo("partner-readonly");
            }
            as(ALICE).post("/api/v1/grants/" + grant + "/release").then().statusCode(200);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(ALICE).get("/api/v1/grants/" + grant)
                    .then().body("revocationVerified", equalTo(true)));

            String wrong = automaticGrant("partner-wrong-id");
            as(ALICE).post("/api/v1/grants/" + wrong + "/credentials").then().statusCode(502)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:accessloop:problem:aws-refused"));
            as(ALICE).post("/api/v1/grants/" + wrong + "/release").then().statusCode(200);
        } finally {
            Files.delete(file);
            as(ADMIN).post("/api/v1/catalog/reload").then().statusCode(200).body("entitlements", equalTo(4));
        }
    }

    private static String automaticGrant(String entitlement) {
        return as(ALICE).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("entitlement", entitlement, "reason", "partner support PS-3"))
                .post("/api/v1/requests").then().statusCode(201).body("status", equalTo("APPROVED"))
                .extract().path("grantId");
    }

    private static void createRole(String name, String externalId) {
        String trust = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::000000000000:root"},
                 "Action":["sts:AssumeRole","sts:SetSourceIdentity","sts:TagSession"],
                 "Condition":{"StringEquals":{"sts:ExternalId":"%s"}}}]}""".formatted(externalId);
        try (IamClient iam = SandboxAccount.iam(AwsBasicCredentials.create(SandboxResource.ACCESS_KEY,
                SandboxResource.SECRET_KEY))) {
            try {
                iam.createRole(b -> b.roleName(name).maxSessionDuration(3600).assumeRolePolicyDocument(trust));
                iam.putRolePolicy(b -> b.roleName(name).policyName("permissions").policyDocument("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole",
                         "Resource":"*"}]}"""));
            } catch (EntityAlreadyExistsException exists) {
                // an earlier run in this JVM made it
            }
        }
    }
}

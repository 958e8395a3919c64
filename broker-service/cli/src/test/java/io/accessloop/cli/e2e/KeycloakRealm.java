package io.accessloop.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Keycloak imports the realm file only into an empty database: a Keycloak whose data folder predates a change of the
 * file keeps the old clients. This brings the running realm's CLI client to exactly what the realm file says,
 * through the admin API, so the test runs against the file in the repository.
 */
final class KeycloakRealm {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakRealm() {
    }

    static void syncClient(URI realmUrl, Path realmFile, String clientId) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = realmUrl.toString().substring(0, realmUrl.toString().indexOf("/realms/"));
        String realm = realmUrl.toString().substring(realmUrl.toString().lastIndexOf('/') + 1);
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(base
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin"
                        + "&password=admin")).build(), HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IllegalStateException("Keycloak admin login failed: " + token.statusCode());
        }
        String bearer = "Bearer " + JSON.readTree(token.body()).get("access_token").asText();
        HttpResponse<String> found = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/" + realm
                        + "/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)))
                .header("Authorization", bearer).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode running = JSON.readTree(found.body()).get(0);
        JsonNode wanted = null;
        for (JsonNode client : JSON.readTree(realmFile.toFile()).get("clients")) {
            if (client.get("clientId").asText().equals(clientId)) {
                wanted = client;
            }
        }
        if (running == null || wanted == null) {
            throw new IllegalStateException("client " + clientId + " missing in Keycloak or in " + realmFile);
        }
        String attribute = "oauth2.device.authorization.grant.enabled";
        String runningValue = running.path("attributes").path(attribute).asText("");
        if (runningValue.equals(wanted.path("attributes").path(attribute).asText(""))) {
            return;
        }
        ObjectNode update = ((ObjectNode) wanted.deepCopy()).put("id", running.get("id").asText());
        update.remove("protocolMappers");
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/" + realm
                        + "/clients/" + running.get("id").asText()))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(update))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() != 204) {
            throw new IllegalStateException("updating client " + clientId + " failed: " + put.statusCode() + " "
                    + put.body());
        }
    }
}

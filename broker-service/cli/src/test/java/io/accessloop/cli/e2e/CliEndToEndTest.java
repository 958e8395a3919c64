package io.accessloop.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.cli.ExitCode;
import io.accessloop.cli.Run;
import io.accessloop.cli.login.TokenFile;
import io.accessloop.cli.login.TokenSet;
import io.accessloop.cli.support.Environment;
import io.accessloop.cli.support.Sleeper;
import io.accessloop.testsupport.ArtemisResource;
import io.accessloop.testsupport.KeycloakResource;
import io.accessloop.testsupport.PostgresResource;
import io.accessloop.testsupport.SandboxResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProcessCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The CLI against real parts: Keycloak with the repository's realm (device flow approved on Keycloak's own pages),
 * the broker's packaged jar on PostgreSQL, Artemis and the aws-sandbox. Alice logs in, asks for credentials she has
 * no grant for, Bob approves through the broker's API, and the credentials the CLI prints work against the sandbox.
 */
class CliEndToEndTest {

    private static final String ENTITLEMENT = "payments-read";
    private static final String ROLE = "cli-payments-read";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static BrokerProcess broker;
    private static URI realm;

    @TempDir
    Path home;

    @BeforeAll
    static void startEverything() throws Exception {
        // one issuer URL everywhere: Keycloak stamps tokens with the host the sign-in happened on, and the browser
        // keeps Keycloak's Secure cookies over http for localhost only
        realm = URI.create(KeycloakResource.realmUrl().toString().replace("//127.0.0.1:", "//localhost:"));
        KeycloakRealm.syncClient(realm, Path.of(System.getProperty("accessloop.keycloak.realm")), "accessloop-cli");
        Map<String, String> config = new HashMap<>(new SandboxResource().start());
        PostgresResource postgres = new PostgresResource();
        postgres.init(Map.of("database", "broker_cli"));
        config.putAll(postgres.start());
        config.putAll(new ArtemisResource().start());
        config.values().removeIf(String::isEmpty);
        config.put("quarkus.oidc.auth-server-url", realm.toString());
        config.put("accessloop.broker.catalog-dir", catalog().toString());
        createRole();
        broker = BrokerProcess.start(config);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void loginThenRequestOnDenyThenApprovalGivesCredentialsThatWorkInTheSandbox() throws Exception {
        Path tokenFile = home.resolve("config/accessloop/tokens.json");
        Environment env = new Environment(Map.of("ACCESSLOOP_ISSUER", realm.toString(),
                "ACCESSLOOP_BROKER_URL", broker.url().toString(), "ACCESSLOOP_TOKEN_FILE", tokenFile.toString()),
                home, Clock.systemUTC(), Sleeper.REAL);

        // login: the device code is approved by Alice in Keycloak's browser pages
        Run login = Run.start(env, "login");
        await().atMost(Duration.ofSeconds(60)).until(() -> login.err().contains("(or open "));
        Matcher complete = Pattern.compile("\\(or open (\\S+)\\)").matcher(login.err());
        assertThat(complete.find()).isTrue();
        KeycloakBrowser.approve(complete.group(1), "alice", "alice-demo");
        assertThat(login.exitCode()).as(login.err()).isZero();
        assertThat(login.err()).contains("Signed in as alice@example.com");
        assertThat(login.out()).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile.getParent())))
                .isEqualTo("rwx------");

        // no grant yet: the CLI files a request and waits; Bob approves it through the broker's API
        Run waiting = Run.start(env, "credential-process", "--entitlement", ENTITLEMENT,
                "--reason", "investigate INC-42", "--duration", "1h", "--wait", "2m");
        String bob = passwordToken("bob", "bob-demo");
        String requestId = await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (waiting.done()) {
                throw new AssertionError("credential-process ended with " + waiting.exitCode() + ":\n"
                        + waiting.err() + "\nbroker log:\n" + broker.tail());
            }
            return pendingRequestOfAlice(bob);
        }, id -> id != null);
        assertThat(waiting.done()).isFalse();
        HttpResponse<String> approval = brokerCall(bob, "POST", "/api/v1/requests/" + requestId + "/approve",
                "{\"comment\":\"ok for INC-42\"}");
        assertThat(approval.statusCode()).as(approval.body()).isEqualTo(200);

        assertThat(waiting.exitCode()).as(waiting.err()).isZero();
        assertThat(waiting.err()).contains("Requested " + ENTITLEMENT + " (" + requestId + ")");
        JsonNode credentials = JSON.readTree(waiting.out());
        assertThat(credentials.get("Version").asInt()).isEqualTo(1);
        assertThat(Instant.parse(credentials.get("Expiration").asText())).isAfter(Instant.now());
        String arn = callerArn(credentials);
        assertThat(arn).isEqualTo("arn:aws:sts::000000000000:assumed-role/" + ROLE + "/alice@example.com");

        // the secret never reached stderr or the token file, and the token file kept its mode
        String secret = credentials.get("SecretAccessKey").asText();
        String session = credentials.get("SessionToken").asText();
        String onDisk = Files.readString(tokenFile);
        assertThat(onDisk).doesNotContain(secret).doesNotContain(session)
                .doesNotContain(credentials.get("AccessKeyId").asText()).doesNotContain("SecretAccessKey");
        assertThat(waiting.err()).doesNotContain(secret).doesNotContain(session);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");

        // with the grant active, a second call (no --reason) hands out fresh credentials and files nothing
        Run again = Run.of(env, "credential-process", "--entitlement", ENTITLEMENT);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(callerArn(JSON.readTree(again.out()))).isEqualTo(arn);
        assertThat(requestsOfAlice(env)).isEqualTo(1);

        // the AWS SDK itself runs the CLI as its credential_process and signs a call with what it printed
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.accessloop.cli.Main", "credential-process",
                "--entitlement", ENTITLEMENT, "--broker-url", broker.url().toString(), "--issuer", realm.toString(),
                "--token-file", tokenFile.toString());
        try (ProcessCredentialsProvider process = ProcessCredentialsProvider.builder().command(command).build();
             StsClient sts = StsClient.builder()
                     .region(Region.of(SandboxResource.REGION))
                     .endpointOverride(SandboxResource.endpoint())
                     .httpClientBuilder(UrlConnectionHttpClient.builder())
                     .credentialsProvider(process)
                     .build()) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo(arn);
        }

        // an expired access token is replaced through the refresh token, and the new one is written back
        TokenFile file = new TokenFile(tokenFile);
        TokenSet before = file.read().orElseThrow();
        file.write(new TokenSet(before.issuer(), before.clientId(), before.accessToken(), Instant.now().minusSeconds(5),
                before.refreshToken(), before.refreshTokenExpiresAt()));
        Run refreshed = Run.of(env, "credential-process", "--entitlement", ENTITLEMENT);
        assertThat(refreshed.exitCode()).as(refreshed.err()).isZero();
        TokenSet after = file.read().orElseThrow();
        assertThat(after.accessToken()).isNotEqualTo(before.accessToken());
        assertThat(after.accessTokenExpiresAt()).isAfter(Instant.now());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");

        // logout ends the session at Keycloak and removes the file; the CLI then asks for a login
        Run logout = Run.of(env, "logout");
        assertThat(logout.exitCode()).as(logout.err()).isZero();
        assertThat(tokenFile).doesNotExist();
        HttpResponse<String> reuse = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=accessloop-cli"
                        + "&refresh_token=" + after.refreshToken())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reuse.statusCode()).isEqualTo(400);
        Run loggedOut = Run.of(env, "credential-process", "--entitlement", ENTITLEMENT);
        assertThat(loggedOut.exitCode()).isEqualTo(ExitCode.NOT_LOGGED_IN.code());
        assertThat(loggedOut.err()).contains("accessloop login");
        assertThat(loggedOut.out()).isEmpty();
    }

    private static String callerArn(JsonNode credentials) {
        try (StsClient sts = StsClient.builder()
                .region(Region.of(SandboxResource.REGION))
                .endpointOverride(SandboxResource.endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        credentials.get("AccessKeyId").asText(), credentials.get("SecretAccessKey").asText(),
                        credentials.get("SessionToken").asText())))
                .build()) {
            return sts.getCallerIdentity().arn();
        }
    }

    private static String pendingRequestOfAlice(String bob) throws Exception {
        HttpResponse<String> list = brokerCall(bob, "GET", "/api/v1/requests?mine=false&status=PENDING", null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        for (JsonNode item : JSON.readTree(list.body()).path("items")) {
            if (item.path("requester").asText().equals("alice@example.com")
                    && item.path("entitlement").asText().equals(ENTITLEMENT)) {
                return item.path("id").asText();
            }
        }
        return null;
    }

    private static int requestsOfAlice(Environment env) throws Exception {
        String alice = passwordToken("alice", "alice-demo");
        return JSON.readTree(brokerCall(alice, "GET", "/api/v1/requests?mine=true", null).body())
                .path("items").size();
    }

    private static String passwordToken(String user, String password) throws Exception {
        HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=accessloop-cli&scope=openid"
                        + "&username=" + user + "&password=" + password)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JSON.readTree(token.body()).get("access_token").asText();
    }

    private static HttpResponse<String> brokerCall(String token, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(broker.url().resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        request = method.equals("GET") ? request.GET()
                : request.method(method, HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Path catalog() throws Exception {
        Path dir = Files.createTempDirectory("cli-e2e-catalog");
        Files.writeString(dir.resolve("payments.yaml"), """
                entitlements:
                  - name: %s
                    description: Read-only access for the payments team
                    account: "000000000000"
                    roleArn: arn:aws:iam::000000000000:role/%s
                    defaultDuration: 1h
                    maxDuration: 4h
                    eligible: [payments]
                    approval:
                      required: 1
                      approvers: [approver]
                """.formatted(ENTITLEMENT, ROLE));
        return dir;
    }

    private static void createRole() {
        try (IamClient iam = IamClient.builder()
                .region(Region.of(SandboxResource.REGION))
                .endpointOverride(SandboxResource.endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        SandboxResource.ACCESS_KEY, SandboxResource.SECRET_KEY)))
                .build()) {
            iam.createRole(b -> b.roleName(ROLE).maxSessionDuration(43_200).assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                     "Principal":{"AWS":"arn:aws:iam::000000000000:root"},
                     "Action":["sts:AssumeRole","sts:SetSourceIdentity","sts:TagSession"]}]}"""));
        } catch (EntityAlreadyExistsException exists) {
            // a previous run in this JVM made it
        }
    }
}

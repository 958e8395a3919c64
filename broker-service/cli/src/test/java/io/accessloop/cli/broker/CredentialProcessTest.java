package io.accessloop.cli.broker;

import io.accessloop.cli.CliException;
import io.accessloop.cli.ExitCode;
import io.accessloop.cli.FakeTime;
import io.accessloop.cli.login.AccessTokens;
import io.accessloop.cli.login.TokenFile;
import io.accessloop.cli.login.TokenSet;
import io.accessloop.cli.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Request-on-deny against a scripted broker: which calls are made, in which order, and what the person sees. */
class CredentialProcessTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final String CREDENTIALS = """
            {"Version":1,"AccessKeyId":"ASIAEXAMPLE","SecretAccessKey":"very-secret","SessionToken":"tok",\
            "Expiration":"2026-12-04T11:00:00Z"}""";
    private static final String NO_GRANTS = "{\"items\":[],\"nextCursor\":null}";
    private static final NewRequest DRAFT = new NewRequest("prod-readonly", "INC-7", Optional.of(3600L),
            Optional.empty());

    @TempDir
    Path dir;

    private FakeBroker broker;
    private final FakeTime time = new FakeTime(NOW);
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private CredentialProcess process;

    @BeforeEach
    void setUp() throws Exception {
        broker = new FakeBroker();
        TokenFile file = new TokenFile(dir.resolve("tokens.json"));
        file.write(new TokenSet("https://idp.example.com", "accessloop-cli", "the-access-token",
                NOW.plusSeconds(3600), null, null));
        AccessTokens tokens = new AccessTokens(file, "https://idp.example.com", "accessloop-cli", () -> {
            throw new AssertionError("no refresh expected");
        }, time);
        process = new CredentialProcess(new BrokerClient(new Http(), broker.url(), tokens), time, time,
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        broker.close();
    }

    private static String request(String status, String grantId) {
        return "{\"id\":\"req_1\",\"entitlement\":\"prod-readonly\",\"status\":\"" + status + "\",\"grantId\":"
                + (grantId == null ? "null" : "\"" + grantId + "\"")
                + ",\"decidedBy\":\"bob@example.com\",\"decisionComment\":\"not today\","
                + "\"rule\":{\"explanation\":\"1 approval from payments-leads\"}}";
    }

    @Test
    void anActiveGrantWithTimeLeftGivesItsCredentialsWithoutFilingAnything() {
        broker.on("GET /api/v1/grants", 200, """
                {"items":[{"id":"grt_short","entitlement":"prod-readonly","status":"ACTIVE","remainingSeconds":600},
                          {"id":"grt_other","entitlement":"dev-sandbox","status":"ACTIVE","remainingSeconds":3000},
                          {"id":"grt_good","entitlement":"prod-readonly","status":"ACTIVE","remainingSeconds":2000}],
                 "nextCursor":null}""");
        broker.on("POST /api/v1/grants/grt_good/credentials", 200, CREDENTIALS);

        String json = process.credentials("prod-readonly", Optional.of(DRAFT), Duration.ofMinutes(5));

        assertThat(json).contains("\"AccessKeyId\":\"ASIAEXAMPLE\"");
        assertThat(broker.calls("POST", "/api/v1/requests")).isEmpty();
        assertThat(broker.calls.get(0).authorization()).isEqualTo("Bearer the-access-token");
        assertThat(broker.calls.get(0).path()).contains("mine=true").contains("status=ACTIVE");
    }

    @Test
    void withoutAGrantItFilesOneRequestAndWaitsWithGrowingPausesUntilApproval() {
        broker.on("GET /api/v1/grants", 200, NO_GRANTS);
        broker.on("GET /api/v1/requests", 200, NO_GRANTS);
        broker.on("POST /api/v1/requests", 201, request("PENDING", null));
        broker.on("GET /api/v1/requests/req_1", 200, request("PENDING", null));
        broker.on("GET /api/v1/requests/req_1", 200, request("PENDING", null));
        broker.on("GET /api/v1/requests/req_1", 200, request("APPROVED", "grt_9"));
        broker.on("POST /api/v1/grants/grt_9/credentials", 200, CREDENTIALS);

        String json = process.credentials("prod-readonly", Optional.of(DRAFT), Duration.ofMinutes(5));

        assertThat(json).contains("ASIAEXAMPLE");
        var submitted = broker.calls("POST", "/api/v1/requests");
        assertThat(submitted).hasSize(1);
        assertThat(submitted.get(0).idempotencyKey()).isNotBlank();
        assertThat(submitted.get(0).body()).contains("\"entitlement\":\"prod-readonly\"", "\"reason\":\"INC-7\"",
                "\"durationSeconds\":3600");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(1500),
                Duration.ofMillis(2250));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("req_1", "1 approval from payments-leads")
                .doesNotContain("very-secret");
    }

    @Test
    void aPendingRequestIsAwaitedInsteadOfFilingASecond() {
        broker.on("GET /api/v1/grants", 200, NO_GRANTS);
        broker.on("GET /api/v1/requests", 200, "{\"items\":[" + request("PENDING", null) + "],\"nextCursor\":null}");
        broker.on("GET /api/v1/requests/req_1", 200, request("APPROVED", "grt_9"));
        broker.on("POST /api/v1/grants/grt_9/credentials", 200, CREDENTIALS);

        assertThat(process.credentials("prod-readonly", Optional.of(DRAFT), Duration.ofMinutes(5)))
                .contains("ASIAEXAMPLE");
        assertThat(broker.calls("POST", "/api/v1/requests")).isEmpty();
    }

    @Test
    void aDeniedRequestEndsWithTheDecisionAndNoCredentials() {
        broker.on("GET /api/v1/grants", 200, NO_GRANTS);
        broker.on("GET /api/v1/requests", 200, NO_GRANTS);
        broker.on("POST /api/v1/requests", 201, request("PENDING", null));
        broker.on("GET /api/v1/requests/req_1", 200, request("DENIED", null));

        assertThatThrownBy(() -> process.credentials("prod-readonly", Optional.of(DRAFT), Duration.ofMinutes(5)))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("denied by bob@example.com: not today")
                .extracting(e -> ((CliException) e).exitCode()).isEqualTo(ExitCode.DENIED);
        assertThat(broker.calls("POST", "/api/v1/grants")).isEmpty();
    }

    @Test
    void theWaitEndsAtItsLimitAndTheRequestStaysOpen() {
        broker.on("GET /api/v1/grants", 200, NO_GRANTS);
        broker.on("GET /api/v1/requests", 200, NO_GRANTS);
        broker.on("POST /api/v1/requests", 201, request("PENDING", null));
        broker.on("GET /api/v1/requests/req_1", 200, request("PENDING", null));

        assertThatThrownBy(() -> process.credentials("prod-readonly", Optional.of(DRAFT), Duration.ofSeconds(20)))
                .isInstanceOf(CliException.class)
                .extracting(e -> ((CliException) e).exitCode()).isEqualTo(ExitCode.STILL_PENDING);
        assertThat(time.instant()).isEqualTo(NOW.plusSeconds(20));
        assertThat(broker.calls("POST", "/api/v1/requests/req_1/cancel")).isEmpty();
    }

    @Test
    void withoutAGrantAndWithoutAReasonNothingIsFiled() {
        broker.on("GET /api/v1/grants", 200, NO_GRANTS);
        broker.on("GET /api/v1/requests", 200, NO_GRANTS);

        assertThatThrownBy(() -> process.credentials("prod-readonly", Optional.empty(), Duration.ofMinutes(5)))
                .isInstanceOf(CliException.class).hasMessageContaining("--reason");
        assertThat(broker.calls("POST", "/")).isEmpty();
    }

    @Test
    void theBrokersRefusalReachesThePersonWithItsTitleAndDetail() {
        broker.on("GET /api/v1/grants", 200, NO_GRANTS);
        broker.on("GET /api/v1/requests", 200, NO_GRANTS);
        broker.on("POST /api/v1/requests", 422, """
                {"type":"urn:accessloop:problem:not-eligible","title":"Not eligible","status":422,
                 "detail":"prod-readonly is for payments, platform"}""");

        assertThatThrownBy(() -> process.credentials("prod-readonly", Optional.of(DRAFT), Duration.ofMinutes(5)))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("422 Not eligible").hasMessageContaining("payments, platform")
                .extracting(e -> ((CliException) e).exitCode()).isEqualTo(ExitCode.REFUSED);
    }

    @Test
    void credentialsWithoutTheFieldsTheAwsCliNeedsAreNotPassedOn() {
        broker.on("GET /api/v1/grants", 200, """
                {"items":[{"id":"grt_1","entitlement":"prod-readonly","status":"ACTIVE","remainingSeconds":2000}]}""");
        broker.on("POST /api/v1/grants/grt_1/credentials", 200, "{\"Version\":1,\"AccessKeyId\":\"A\"}");

        assertThatThrownBy(() -> process.credentials("prod-readonly", Optional.empty(), Duration.ZERO))
                .isInstanceOf(CliException.class).hasMessageContaining("SecretAccessKey");
    }
}

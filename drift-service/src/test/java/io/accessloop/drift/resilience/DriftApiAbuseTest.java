package io.accessloop.drift.resilience;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.drift.Api;
import io.accessloop.drift.Samples;
import io.accessloop.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile callers and input on drift's write endpoints (reconcile, suppress, proposal approve/reject/apply/rollback)
 * and list parameters: the right 4xx with problem+json, and no run, finding, proposal or event changed.
 */
@QuarkusTest
class DriftApiAbuseTest {

    /** Everything a refused write could have changed. */
    private static final String STATE = "select (select count(*) from reconcile_run) || '/' || (select count(*) from outbox_event)"
            + " || '/' || (select coalesce(string_agg(id || status || coalesce(suppression_reason, ''), ',' order by id), '')"
            + " from finding) || '/' || (select coalesce(string_agg(id || status, ',' order by id), '') from rs_proposal)";
    private static String finding;

    @BeforeEach
    void anOpenFinding() {
        if (finding == null) {
            String role = "abuse-role-" + UUID.randomUUID().toString().substring(0, 8);
            ObjectNode change = Samples.roleChange(role, Instant.now().truncatedTo(ChronoUnit.MILLIS), 1);
            Samples.attach(change, "AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess");
            Api.push(change).statusCode(202);
            String arn = "arn:aws:iam::000000000000:role/" + role;
            await().atMost(Duration.ofSeconds(30)).until(() -> !DriftDb.strings(
                    "select id from finding where principal_arn = ? and status = 'OPEN'", arn).isEmpty());
            finding = DriftDb.strings("select id from finding where principal_arn = ? and status = 'OPEN'", arn).get(0);
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                DriftDb.count("select count(*) from outbox_event where sent_at is null") == 0);
    }

    private static List<String[]> writes() {
        String prp = "prp_" + UUID.randomUUID().toString().replace("-", "");
        return List.of(
                new String[]{"/api/v1/reconcile", "{}"},
                new String[]{"/api/v1/findings/" + finding + "/suppress",
                        "{\"reason\":\"accepted risk\",\"until\":\"" + Instant.now().plusSeconds(86_400) + "\"}"},
                new String[]{"/api/v1/proposals/" + prp + "/approve", "{}"},
                new String[]{"/api/v1/proposals/" + prp + "/reject", "{\"reason\":\"no\"}"},
                new String[]{"/api/v1/proposals/" + prp + "/apply", "{}"},
                new String[]{"/api/v1/proposals/" + prp + "/rollback", "{\"reason\":\"undo\"}"});
    }

    static Stream<Arguments> badTokens() {
        String valid = Tokens.of("sam@example.com", "security");
        String[] parts = valid.split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long past = Instant.now().minusSeconds(7200).getEpochSecond();
        return Stream.of(
                Arguments.of("no header", null),
                Arguments.of("not a JWT", "Bearer nope"),
                Arguments.of("token without scheme", valid),
                Arguments.of("signature stripped", "Bearer " + parts[0] + "." + parts[1] + "."),
                Arguments.of("alg none", "Bearer " + header + "." + parts[1] + "."),
                Arguments.of("expired security token", "Bearer " + Jwt.claims().issuer("https://server.example.com")
                        .audience("https://service.example.com").subject("sam@example.com").claim("email", "sam@example.com")
                        .groups(Set.of("security")).issuedAt(past).expiresAt(past + 600).jws().keyId("1")
                        .sign("privateKey.jwk")),
                Arguments.of("other issuer", "Bearer " + Jwt.claims().issuer("https://evil.example.com")
                        .audience("https://service.example.com").subject("sam@example.com").claim("email", "sam@example.com")
                        .groups(Set.of("security")).jws().keyId("1").sign("privateKey.jwk")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aBadTokenIsRefusedOnEveryWriteAndChangesNothing(String name, String authorization) {
        String before = state();
        for (String[] write : writes()) {
            RequestSpecification spec = given().contentType("application/json").body(write[1]);
            if (authorization != null) {
                spec.header("Authorization", authorization);
            }
            Response response = spec.post(write[0]);
            assertThat(response.statusCode()).as(write[0]).isEqualTo(401);
        }
        assertThat(state()).isEqualTo(before);
    }

    static Stream<Arguments> lesserRoles() {
        return Stream.of(
                Arguments.of("employee", Api.employee()),
                Arguments.of("auditor", Api.auditor()),
                Arguments.of("approver", Tokens.bearer("bob@example.com", "employee", "approver")),
                Arguments.of("no groups", Tokens.bearer("nobody@example.com")),
                Arguments.of("team named security-ish", Tokens.bearer("x@example.com", "Security", "security-team")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lesserRoles")
    void aCallerWithoutTheSecurityRoleIsForbiddenEverywhereAndChangesNothing(String name, String token) {
        String before = state();
        for (String[] write : writes()) {
            Response response = given().header("Authorization", token).contentType("application/json").body(write[1])
                    .post(write[0]);
            assertThat(response.statusCode()).as(write[0]).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fnd_doesnotexist", "fnd_' OR '1'='1", "..%2F..%2Freconcile", "%3Cscript%3E",
            "fnd_\u202Eevil", "prp_00000000000000000000000000000000"})
    void anUnknownOrForgedFindingIdIsNotFoundAndChangesNothing(String id) {
        String before = state();
        Response response = given().header("Authorization", Api.security()).contentType("application/json")
                .urlEncodingEnabled(!id.contains("%"))
                .body("{\"reason\":\"accepted risk\",\"until\":\"" + Instant.now().plusSeconds(3600) + "\"}")
                .post("/api/v1/findings/" + id + "/suppress");

        assertThat(response.statusCode()).isEqualTo(404);
        // the id is echoed, but only inside a JSON string (docs/resilience.md, finding 4)
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(state()).isEqualTo(before);
    }

    static Stream<Arguments> unknownProposals() {
        List<Arguments> all = new ArrayList<>();
        for (String action : List.of("approve", "reject", "apply", "rollback")) {
            for (String id : List.of("prp_doesnotexist", "fnd_" + UUID.randomUUID(), "prp_%27%20OR%201%3D1")) {
                all.add(Arguments.of(action, id));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unknownProposals")
    void anUnknownProposalIsNotFoundAndChangesNothing(String action, String id) {
        String before = state();
        // reject needs a reason: with one, the only thing wrong is the id
        String body = action.equals("reject") ? "{\"reason\":\"not needed\"}" : "{}";
        Response response = given().header("Authorization", Api.security()).contentType("application/json")
                .body(body).urlEncodingEnabled(false).post("/api/v1/proposals/" + id + "/" + action);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(state()).isEqualTo(before);
    }

    static Stream<Arguments> badSuppressions() {
        String later = Instant.now().plusSeconds(86_400).toString();
        return Stream.of(
                Arguments.of("application/json", "{}"),
                Arguments.of("application/json", "{\"reason\":\"accepted\"}"),
                Arguments.of("application/json", "{\"until\":\"" + later + "\"}"),
                Arguments.of("application/json", "{\"reason\":\"   \",\"until\":\"" + later + "\"}"),
                Arguments.of("application/json", "{\"reason\":\"accepted\",\"until\":\"2001-01-01T00:00:00Z\"}"),
                Arguments.of("application/json", "{\"reason\":\"accepted\",\"until\":\"tomorrow\"}"),
                Arguments.of("application/json", "{\"reason\":\"accepted\",\"until\":12}"),
                Arguments.of("application/json", "{\"reason\":[\"a\"],\"until\":\"" + later + "\"}"),
                Arguments.of("application/json", "{\"reason\":\"a\u0000b\",\"until\":\"" + later + "\"}"),
                Arguments.of("application/json", "{\"reason\":\"accepted\",\"until\":\"" + later + "\""),
                Arguments.of("application/json", "[]"),
                Arguments.of("application/json", "null"),
                Arguments.of("text/plain", "reason=accepted"),
                Arguments.of("application/x-www-form-urlencoded", "reason=accepted&until=" + later),
                Arguments.of("application/xml", "<suppress reason=\"x\"/>"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badSuppressions")
    void aBadSuppressionIsAProblemAndChangesNothing(String contentType, String body) {
        String before = state();
        Response response = given().header("Authorization", Api.security()).contentType(contentType).body(body)
                .post("/api/v1/findings/" + finding + "/suppress");

        assertThat(response.statusCode()).isIn(400, 415, 422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        // Jackson's wording may name Java types (docs/resilience.md, finding 8), never a stack trace
        assertThat(response.asString()).doesNotContain("\tat ").doesNotContain("at io.accessloop");
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/findings?limit=abc", "/api/v1/findings?limit=-1", "/api/v1/findings?limit=0",
            "/api/v1/findings?limit=99999999999", "/api/v1/findings?status=NOPE", "/api/v1/findings?cursor=%27%20OR%201%3D1",
            "/api/v1/findings?cursor=garbage", "/api/v1/findings?sort=%3Cscript%3E", "/api/v1/proposals?limit=abc",
            "/api/v1/proposals?status=NOPE", "/api/v1/proposals?cursor=garbage",
            "/api/v1/proposals?cursor=%27%20OR%201%3D1", "/api/v1/proposals?cursor=prp_%25", "/api/v1/inventory/principals?limit=abc",
            "/api/v1/inventory/principals?type=NOPE", "/api/v1/inventory/principals?cursor=garbage"})
    void aMalformedListParameterIsAProblem(String path) {
        Response response = given().header("Authorization", Api.auditor()).urlEncodingEnabled(false).get(path);

        assertThat(response.statusCode()).isIn(400, 404, 422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.asString()).doesNotContain("\tat ").doesNotContain("at io.accessloop");
    }

    @Test
    void anUnknownProposalsCursorIsA400LikeEveryOtherListsAndAReturnedOneStillPages() {
        given().header("Authorization", Api.auditor()).get("/api/v1/proposals?cursor=garbage").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:accessloop:problem:invalid-cursor"));
        String position = io.accessloop.drift.rightsizing.domain.ProposalIds.next(java.time.Instant.now());
        given().header("Authorization", Api.auditor()).get("/api/v1/proposals?limit=1&cursor=" + position).then()
                .statusCode(200);
    }

    private static String state() {
        return DriftDb.strings(STATE).get(0);
    }
}

package io.accessloop.lifecycle.resilience;

import io.accessloop.contracts.EventTypes;
import io.accessloop.lifecycle.support.Db;
import io.accessloop.lifecycle.support.Events;
import io.accessloop.lifecycle.support.Roles;
import io.accessloop.testsupport.DatabaseOutage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * lifecycle-service with its database unreachable for a while: requests fail without writing anything, a grant that
 * ends during the outage is revoked exactly once as soon as the database is back, and the refused request can be
 * repeated then.
 */
@QuarkusTest
class LifecycleOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String REVOKE_COMMANDS = "select count(*) from outbox_event where type = ? "
            + "and (envelope::jsonb -> 'data' -> 'grantIds') @> jsonb_build_array(?::text)";

    private DatabaseOutage outage;

    @AfterEach
    void databaseBack() {
        if (outage != null) {
            outage.end();
            outage = null;
        }
    }

    @Test
    void aGrantEndingWhileTheDatabaseIsDownIsRevokedOnceItIsBackAndNothingIsHalfWritten() {
        String grant = Events.grantId();
        Instant end = Instant.now().plusSeconds(4);
        Events.sendSample(EventTypes.GRANT_ACTIVATED, d -> d.put("grantId", grant).put("endsAt", end.toString()));
        await().atMost(WAIT).until(() -> "ACTIVE".equals(status(grant)));
        String person = "outage-" + UUID.randomUUID() + "@example.com";
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("email", person, "reason", "contract ended");

        outage = DatabaseOutage.begin("lifecycle");
        Response offboard = given().header("Authorization", Roles.security()).header("Idempotency-Key", key)
                .contentType("application/json").body(body).post("/api/v1/offboarding");
        Response audit = given().header("Authorization", Roles.auditor()).get("/api/v1/audit");
        await().pollDelay(Duration.between(Instant.now(), end).plusSeconds(2)).atMost(WAIT).until(() -> true);
        outage.end();
        outage = null;

        for (Response during : List.of(offboard, audit)) {
            assertThat(during.statusCode()).as(during.asString()).isBetween(500, 599);
            assertThat(during.asString()).doesNotContain(person).doesNotContain("at io.");
        }
        await().atMost(WAIT).ignoreExceptions().until(() -> "REVOKE_SENT".equals(status(grant)) && Db.count(
                REVOKE_COMMANDS + " and sent_at is not null", EventTypes.REVOKE_GRANTS.type(), grant) == 1);
        assertThat(Db.count(REVOKE_COMMANDS, EventTypes.REVOKE_GRANTS.type(), grant)).as("revoked exactly once")
                .isEqualTo(1);
        assertThat(Db.count("select count(*) from offboarding_case where identity = ?", person))
                .as("the refused request left nothing").isZero();
        assertThat(Db.count("select count(*) from identity where email = ?", person)).isZero();

        given().header("Authorization", Roles.security()).header("Idempotency-Key", key)
                .contentType("application/json").body(body).post("/api/v1/offboarding").then().statusCode(201);
        assertThat(Db.count("select count(*) from offboarding_case where identity = ?", person)).isEqualTo(1);
        // the case runs to its end here, so that it does not write into the counts of later test classes
        await().atMost(WAIT).until(() -> Db.count(
                "select count(*) from offboarding_case where identity = ? and status = 'CLOSED'", person) == 1);
    }

    private static String status(String grant) {
        List<Map<String, Object>> rows = Db.query("select status from grant_schedule where grant_id = ?", grant);
        return rows.isEmpty() ? null : (String) rows.get(0).get("status");
    }
}

package io.accessloop.kit.outbox;

import io.accessloop.testsupport.ArtemisResource;
import io.accessloop.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay publishes when PostgreSQL announces a commit, not when its timer next fires: the timer is set to an hour
 * here, so only the notification can start the pass.
 */
@QuarkusTest
@TestProfile(OutboxNotifyTest.RelayOnAnHourlyTimer.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "kit"))
@QuarkusTestResource(ArtemisResource.class)
class OutboxNotifyTest {

    public static class RelayOnAnHourlyTimer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("accessloop.outbox.relay-enabled", "true", "accessloop.outbox.poll-interval", "PT1H");
        }
    }

    @Test
    void aCommittedEventIsPublishedWithoutWaitingForTheTimer() {
        for (int i = 0; i < 3; i++) {
            String eventId = given().post("/probe/grants/grt_notified_" + i + "/expire").then().statusCode(200)
                    .extract().asString();

            await().atMost(Duration.ofSeconds(20)).until(() -> sentAt(eventId) != null);
        }
    }

    @Test
    void aRolledBackAppendAnnouncesNothingAndLeavesNoRow() {
        String answer = given().post("/probe/outside-transaction").then().statusCode(200).extract().asString();

        assertThat(answer).contains("must run inside the transaction");
        assertThat(unsentCount()).isZero();
    }

    private static String sentAt(String eventId) {
        return KitDb.single("select sent_at::text from outbox_event where event_id = ?", eventId);
    }

    private static long unsentCount() {
        return Long.parseLong(KitDb.single("select count(*)::text from outbox_event where sent_at is null", null));
    }
}

package io.accessloop.kit.outbox;

import io.accessloop.kit.inbox.Inbox;
import io.accessloop.testsupport.ArtemisResource;
import io.accessloop.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.accessloop.kit.outbox.KitDb.count;
import static io.accessloop.kit.outbox.KitDb.query;
import static io.accessloop.kit.outbox.KitDb.strings;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * DESIGN §2 "nothing may be lost": proven against the real PostgreSQL and the embedded Artemis broker.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "kit"))
@QuarkusTestResource(ArtemisResource.class)
class OutboxInboxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    OutboxRelay relay;

    @Inject
    Inbox inbox;

    @Test
    void anEventCommittedBeforeACrashIsDeliveredByTheNextRelayPass() {
        String eventId = expire("grt_crash");

        // committed with the state change, but the relay never ran: exactly what a crash after commit leaves
        assertThat(unsent()).contains(eventId);
        assertThat(timesHandled(eventId)).isZero();

        relay.publishPending().await().atMost(PATIENCE);

        await().atMost(PATIENCE).until(() -> timesHandled(eventId) == 1);
        assertThat(unsent()).doesNotContain(eventId);
    }

    @Test
    void aDuplicateDeliveryChangesNothing() {
        String eventId = expire("grt_duplicate");
        relay.publishPending().await().atMost(PATIENCE);
        await().atMost(PATIENCE).until(() -> timesHandled(eventId) == 1);

        // the broker accepted it but the relay died before marking it sent: it goes out a second time
        KitDb.update("update outbox_event set sent_at = null where event_id = ?", eventId);
        relay.publishPending().await().atMost(PATIENCE);

        await().atMost(PATIENCE).until(() -> duplicatesSeen() >= 1);
        assertThat(timesHandled(eventId)).isEqualTo(1);
        assertThat(count("select count(*) from inbox_event where consumer = 'probe' and event_id = ?", eventId))
                .isEqualTo(1);
    }

    @Test
    void aBrokerRestartInTheMiddleLosesNothing() {
        ArtemisResource.stopBroker();
        List<String> eventIds = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                eventIds.add(expire("grt_restart_" + i));
            }
            tryToPublish();
            assertThat(unsent()).containsAll(eventIds);
        } finally {
            ArtemisResource.startAgain();
        }

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            tryToPublish();
            return unsent().isEmpty();
        });
        for (String eventId : eventIds) {
            await().atMost(PATIENCE).until(() -> timesHandled(eventId) == 1);
        }
    }

    @Test
    void durableMessagesWaitingInAQueueSurviveABrokerRestart() {
        long before = ArtemisResource.messageCount("accessloop.access.drift");
        expire("grt_durable");
        relay.publishPending().await().atMost(PATIENCE);
        await().atMost(PATIENCE).until(() -> ArtemisResource.messageCount("accessloop.access.drift") == before + 1);

        ArtemisResource.restart();

        assertThat(ArtemisResource.messageCount("accessloop.access.drift")).isEqualTo(before + 1);
    }

    @Test
    void aBatchAppendWritesOneRowPerEventInOrderAndEveryOneIsDelivered() {
        int count = 1_234; // more than one multi-row insert
        long before = count("select count(*) from outbox_event where subject like ?", "grt_many_%");

        int appended = Integer.parseInt(given().post("/probe/grants/expire-many/" + count).then().statusCode(200)
                .extract().asString());

        assertThat(appended).isEqualTo(count);
        assertThat(count("select count(*) from outbox_event where subject like ?", "grt_many_%"))
                .isEqualTo(before + count);
        List<String> subjects = strings("select subject from outbox_event where subject like ? order by id",
                "grt_many_%");
        assertThat(subjects.subList(subjects.size() - count, subjects.size()))
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, count)
                        .mapToObj(i -> "grt_many_" + i).toList());
        await().atMost(PATIENCE).until(() -> {
            relay.publishPending().await().atMost(PATIENCE);
            return count("select count(*) from outbox_event where subject like ? and sent_at is null",
                    "grt_many_%") == 0;
        });
        await().atMost(PATIENCE).until(() -> count("select count(*) from probe_received where subject like ?",
                "grt_many_%") >= count);
    }

    @Test
    void appendingOutsideTheStateChangeTransactionIsRefused() {
        String answer = given().post("/probe/outside-transaction").then().statusCode(200).extract().asString();
        assertThat(answer).contains("must run inside the transaction");
    }

    @Test
    void aMalformedMessageIsDroppedWithoutRunningTheHandler() {
        AtomicBoolean ran = new AtomicBoolean();
        inbox.receive("probe", "{\"specversion\":\"1.0\",\"id\":\"\"}", event -> {
            ran.set(true);
            return Uni.createFrom().voidItem();
        }).await().atMost(PATIENCE);
        assertThat(ran).isFalse();
    }

    private void tryToPublish() {
        try {
            relay.publishPending().await().atMost(Duration.ofSeconds(3));
        } catch (RuntimeException brokerStillDown) {
            // the rows stay unsent; the next pass retries
        }
    }

    private static String expire(String grantId) {
        return given().post("/probe/grants/" + grantId + "/expire").then().statusCode(200).extract().asString();
    }

    private static long duplicatesSeen() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("accessloop_events_duplicate_total") && line.contains("probe"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static List<String> unsent() {
        List<String> ids = new ArrayList<>();
        query("select event_id from outbox_event where sent_at is null", null, rs -> ids.add(rs.getString(1)));
        return ids;
    }

    private static int timesHandled(String eventId) {
        int[] times = {0};
        query("select times from probe_received where event_id = ?", eventId, rs -> times[0] = rs.getInt(1));
        return times[0];
    }
}

package io.accessloop.kit.outbox;

import io.accessloop.testsupport.ArtemisResource;
import io.accessloop.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.accessloop.kit.outbox.KitDb.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Per-subject order through the real broker while the relay keeps many sends in flight: the probe consumer handles
 * one message at a time and numbers what it sees ({@code probe_received.arrival}).
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "kit"))
@QuarkusTestResource(ArtemisResource.class)
class OutboxSubjectOrderTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    OutboxRelay relay;

    @Inject
    Pool pool;

    @Test
    void eventsOfEachSubjectArriveInAppendOrderWhileSubjectsOverlap() {
        String prefix = "ord_" + System.nanoTime() + "_";
        append(prefix, 800, 25);
        append(prefix, 400, 40);

        publishUntilNothingIsLeft(prefix);

        await().atMost(PATIENCE).until(() -> count("select count(*) from probe_received where subject like ?",
                prefix + "%") == 1_200);
        Map<String, List<Long>> arrivals = appendIdsInArrivalOrder(prefix);
        assertThat(arrivals).hasSize(40);
        arrivals.forEach((subject, ids) -> assertThat(ids).as(subject).isSorted());
        assertThat(peakInFlightSeen()).isGreaterThan(1.0);
    }

    @Test
    void aSubjectWhoseEarlierEventAnotherReplicaHoldsWaitsWhileOtherSubjectsGoOut() throws SQLException {
        String prefix = "held_" + System.nanoTime() + "_";
        append(prefix, 6, 2); // subjects 0 and 1 take turns: 0,1,0,1,0,1
        String held = prefix + "0";
        String free = prefix + "1";

        try (Connection otherReplica = KitDb.connect()) {
            otherReplica.setAutoCommit(false);
            lockFirstEventOf(otherReplica, held);

            relay.publishPending().await().atMost(PATIENCE);

            assertThat(count("select count(*) from outbox_event where subject = ? and sent_at is null", free)).isZero();
            assertThat(count("select count(*) from outbox_event where subject = ? and sent_at is null", held))
                    .isEqualTo(3);
            otherReplica.rollback(); // the other replica's pass ends without sending
        }

        publishUntilNothingIsLeft(prefix);
        await().atMost(PATIENCE).until(() -> count("select count(*) from probe_received where subject like ?",
                prefix + "%") == 6);
        assertThat(appendIdsInArrivalOrder(prefix).get(held)).hasSize(3).isSorted();
    }

    @Test
    void refusedRowsKeepTheirErrorAndCountTheAttemptButStayUnsent() {
        String prefix = "refused_" + System.nanoTime() + "_";
        append(prefix, 2, 2);
        long first = count("select min(id) from outbox_event where subject like ?", prefix + "%");
        long second = count("select max(id) from outbox_event where subject like ?", prefix + "%");

        pool.withTransaction(connection -> OutboxRows.recordRefusals(connection, List.of(
                new SubjectOrderedSends.Refusal(first, prefix + "0", "AMQ229031: address full"),
                new SubjectOrderedSends.Refusal(second, prefix + "1", "the broker did not accept event"))))
                .await().atMost(PATIENCE);

        assertThat(count("select attempts from outbox_event where id = " + first + " and subject like ?", prefix + "%"))
                .isEqualTo(1);
        assertThat(count("select count(*) from outbox_event where subject like ? and sent_at is null "
                + "and attempts = 1 and last_error in ('AMQ229031: address full', 'the broker did not accept event')",
                prefix + "%")).isEqualTo(2);
        publishUntilNothingIsLeft(prefix);
    }

    private void publishUntilNothingIsLeft(String prefix) {
        await().atMost(PATIENCE).until(() -> {
            relay.publishPending().await().atMost(PATIENCE);
            return count("select count(*) from outbox_event where subject like ? and sent_at is null",
                    prefix + "%") == 0;
        });
    }

    private static void append(String prefix, int count, int subjects) {
        given().post("/probe/append/" + prefix + "/" + count + "/" + subjects).then().statusCode(200);
    }

    private static void lockFirstEventOf(Connection connection, String subject) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select id from outbox_event where subject = ? "
                + "and sent_at is null order by id limit 1 for update")) {
            s.setString(1, subject);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    private static double peakInFlightSeen() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("accessloop_outbox_sends_in_flight_peak_max"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .max().orElse(0);
    }

    /** Outbox row ids per subject, in the order the consumer first handled them. */
    private static Map<String, List<Long>> appendIdsInArrivalOrder(String prefix) {
        Map<String, List<Long>> bySubject = new LinkedHashMap<>();
        KitDb.query("select o.subject, o.id from probe_received r join outbox_event o on o.event_id = r.event_id "
                        + "where r.subject like ? order by r.arrival", prefix + "%",
                rs -> bySubject.computeIfAbsent(rs.getString(1), key -> new ArrayList<>()).add(rs.getLong(2)));
        return bySubject;
    }
}

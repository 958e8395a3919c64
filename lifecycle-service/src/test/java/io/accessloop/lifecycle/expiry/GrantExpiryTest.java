package io.accessloop.lifecycle.expiry;

import io.accessloop.contracts.EventTypes;
import io.accessloop.lifecycle.expiry.service.ExpirySweep;
import io.accessloop.lifecycle.support.Db;
import io.accessloop.lifecycle.support.Events;
import io.accessloop.testsupport.ArtemisResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class GrantExpiryTest {

    @Inject
    ExpirySweep sweep;

    private static final String COMMANDS = "accessloop.broker.commands";

    @Test
    void anActivatedGrantIsRevokedWithinFiveSecondsOfItsEndAndTheCommandReachesTheBroker() {
        String grant = Events.grantId();
        Instant end = Instant.now().plusSeconds(2);
        long queuedBefore = ArtemisResource.messageCount(COMMANDS);
        Events.sendSample(EventTypes.GRANT_ACTIVATED, d -> d.put("grantId", grant).put("endsAt", end.toString()));

        await().atMost(Duration.ofSeconds(20)).until(() -> revokeCommands(grant).size() == 1
                && revokeCommands(grant).get(0).get("sent_at") != null);

        Map<String, Object> command = revokeCommands(grant).get(0);
        Instant committed = ((java.sql.Timestamp) command.get("created_at")).toInstant();
        assertThat(committed).isAfterOrEqualTo(end.minusMillis(1)).isBefore(end.plusSeconds(5));
        assertThat((String) command.get("envelope")).contains("\"grantId\":\"" + grant + "\"", "\"reason\":\"expired\"");
        assertThat(ArtemisResource.messageCount(COMMANDS)).isGreaterThan(queuedBefore);
        assertThat(Db.query("select status from grant_schedule where grant_id = ?", grant).get(0))
                .containsEntry("status", "REVOKE_SENT");
    }

    @Test
    void anExtensionMovesTheEndAndARevokedGrantIsNotRevokedAgain() {
        String extended = Events.grantId();
        String revoked = Events.grantId();
        // the extension arrives through the real broker: give it a few seconds ahead of the first end
        Instant soon = Instant.now().plusSeconds(4);
        Events.sendSample(EventTypes.GRANT_ACTIVATED, d -> d.put("grantId", extended).put("endsAt", soon.toString()));
        Events.sendSample(EventTypes.GRANT_EXTENDED, d -> d.put("grantId", extended)
                .put("endsAt", Instant.now().plus(Duration.ofHours(2)).toString()));
        Events.sendSample(EventTypes.GRANT_ACTIVATED, d -> d.put("grantId", revoked)
                .put("endsAt", Instant.now().plusSeconds(3).toString()));
        Events.sendSample(EventTypes.GRANT_REVOKED, d -> d.put("grantId", revoked));

        await().atMost(Duration.ofSeconds(20)).until(() ->
                "ENDED".equals(status(revoked)) && Db.count(
                        "select count(*) from audit_entry where grant_id = ? and kind = ?", extended,
                        EventTypes.GRANT_EXTENDED.type()) == 1);
        Duration pastTheFirstEnd = Duration.between(Instant.now(), soon.plusSeconds(3));
        await().pollDelay(pastTheFirstEnd.isNegative() ? Duration.ZERO : pastTheFirstEnd)
                .atMost(Duration.ofSeconds(20)).until(() -> true);

        assertThat(status(extended)).isEqualTo("ACTIVE");
        assertThat(revokeCommands(extended)).isEmpty();
        assertThat(revokeCommands(revoked)).isEmpty();
    }

    @Test
    void aRedeliveredEventIsProcessedOnce() {
        String grant = Events.grantId();
        var envelope = Events.sample(EventTypes.GRANT_ACTIVATED, d -> d.put("grantId", grant)
                .put("endsAt", Instant.now().plus(Duration.ofHours(1)).toString()));
        Events.send(EventTypes.GRANT_ACTIVATED, envelope);
        Db.update("insert into outbox_event (event_id, address, type, subject, envelope) values (?, ?, ?, ?, ?)",
                envelope.get("id").asText() + "-again", EventTypes.GRANT_ACTIVATED.address(),
                EventTypes.GRANT_ACTIVATED.type(), grant, envelope.toString());

        await().atMost(Duration.ofSeconds(20)).until(() ->
                Db.count("select count(*) from outbox_event where subject = ? and sent_at is null", grant) == 0
                        && Db.count("select count(*) from audit_entry where grant_id = ?", grant) >= 1);
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);

        assertThat(Db.count("select count(*) from audit_entry where event_id = ?", envelope.get("id").asText()))
                .isEqualTo(1);
    }

    @Test
    void manyGrantsEndingAtOnceAreEachRevokedExactlyOnce() {
        String prefix = "grt_bulk" + System.nanoTime() + "_";
        Db.update("insert into grant_schedule (grant_id, identity, ends_at, status, updated_at) "
                + "select ? || n, 'bulk@example.com', now() - interval '1 second', 'ACTIVE', now() "
                + "from generate_series(1, 1200) n", prefix);

        await().atMost(Duration.ofSeconds(60)).until(() ->
                Db.count("select count(*) from grant_schedule where grant_id like ? and status = 'ACTIVE'",
                        prefix + "%") == 0);

        assertThat(Db.count("select count(*) from outbox_event where type = ? and subject like ?",
                EventTypes.REVOKE_GRANT.type(), prefix + "%")).isEqualTo(1200);
        assertThat(Db.count("select count(distinct subject) from outbox_event where type = ? and subject like ?",
                EventTypes.REVOKE_GRANT.type(), prefix + "%")).isEqualTo(1200);
    }

    @Test
    void dueGrantsClaimedByConcurrentSweepsAreEachCommandedExactlyOnceInBatches() throws Exception {
        String prefix = "grt_race" + System.nanoTime() + "_";
        Db.update("insert into grant_schedule (grant_id, identity, ends_at, status, updated_at) "
                + "select ? || n, 'race' || (n % 7) || '@example.com', now() - interval '1 second', 'ACTIVE', now() "
                + "from generate_series(1, 450) n", prefix);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> sweepOnce = () -> {
                try {
                    return VertxContextSupport.subscribeAndAwait(sweep::sweep);
                } catch (Throwable t) {
                    throw new IllegalStateException(t);
                }
            };
            List<Future<Integer>> runs = pool.invokeAll(List.of(sweepOnce, sweepOnce));
            for (Future<Integer> run : runs) {
                assertThat(run.get()).isNotNegative();
            }
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(
                "select count(*) from grant_schedule where grant_id like ? and status = 'ACTIVE'", prefix + "%") == 0);

        assertThat(Db.count("select count(*) from outbox_event where type = ? and subject like ?",
                EventTypes.REVOKE_GRANT.type(), prefix + "%")).isEqualTo(450);
        assertThat(Db.count("select count(distinct subject) from outbox_event where type = ? and subject like ?",
                EventTypes.REVOKE_GRANT.type(), prefix + "%")).isEqualTo(450);
        assertThat(Db.count("select count(*) from audit_entry where kind = ? and subject like ?",
                EventTypes.REVOKE_GRANT.type(), prefix + "%")).isEqualTo(450);
        assertThat(Db.count("select count(*) from audit_entry where kind = ? and subject like ? and identity like 'race%'",
                EventTypes.REVOKE_GRANT.type(), prefix + "%")).as("each command filed under its grant's owner")
                .isEqualTo(450);
        assertThat(Db.count("select count(*) from grant_schedule where grant_id like ? and status = 'REVOKE_SENT' "
                + "and revoke_sent_at is not null", prefix + "%")).isEqualTo(450);
    }

    @Test
    void theDueQueriesOfBothSweepsCanBeServedByTheirPartialIndexes() throws Exception {
        assertThat(plan("select grant_id, identity from grant_schedule where status = 'ACTIVE' and ends_at <= now() "
                + "order by ends_at limit 500 for update skip locked")).contains("grant_schedule_due");
        assertThat(plan("select r.grant_id from grant_reminder r left join grant_schedule g on g.grant_id = r.grant_id "
                + "where r.status = 'PENDING' and r.due_at <= now() order by r.due_at limit 500 "
                + "for update of r skip locked")).contains("grant_reminder_due");
    }

    /** The plan PostgreSQL picks when it may not scan whole tables: proves an index can answer the query. */
    private static String plan(String sql) throws Exception {
        try (Connection c = Db.connect(); Statement st = c.createStatement()) {
            st.execute("set enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = st.executeQuery("explain " + sql)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private static List<Map<String, Object>> revokeCommands(String grant) {
        return Db.query("select created_at, sent_at, envelope, address from outbox_event where type = ? and subject = ?",
                EventTypes.REVOKE_GRANT.type(), grant);
    }

    private static String status(String grant) {
        List<Map<String, Object>> rows = Db.query("select status from grant_schedule where grant_id = ?", grant);
        return rows.isEmpty() ? null : (String) rows.get(0).get("status");
    }
}

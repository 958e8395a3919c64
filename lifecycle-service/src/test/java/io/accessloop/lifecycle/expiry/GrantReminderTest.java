package io.accessloop.lifecycle.expiry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.contracts.EventTypes;
import io.accessloop.lifecycle.expiry.service.ReminderSweep;
import io.accessloop.lifecycle.support.Db;
import io.accessloop.lifecycle.support.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reminders before a grant's end (leads 1 h and 10 min, the defaults), against the real broker and database. */
@QuarkusTest
class GrantReminderTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ReminderSweep sweep;

    @Test
    void theTenMinuteReminderIsSentOnceWhenDueAndTheHourOneAlreadyPastIsSkippedNotSentLate() {
        String grant = Events.grantId();
        Instant end = Instant.now().plus(TEN_MINUTES).plusSeconds(2);
        Events.sendSample(EventTypes.GRANT_ACTIVATED, d -> d.put("grantId", grant).put("identity", "Rita@Example.com")
                .put("endsAt", end.toString()));

        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(grant).size() == 1);
        Map<String, Object> event = reminders(grant).get(0);
        assertThat((String) event.get("envelope")).contains("\"grantId\":\"" + grant + "\"", "\"leadSeconds\":600",
                "\"identity\":\"rita@example.com\"", "\"entitlement\":\"");
        assertThat(status(grant, HOUR)).isEqualTo("SKIPPED");
        assertThat(status(grant, TEN_MINUTES)).isEqualTo("SENT");
        Instant sentAt = ((java.sql.Timestamp) event.get("created_at")).toInstant();
        assertThat(sentAt).isAfterOrEqualTo(end.minus(TEN_MINUTES).minusMillis(1));
        assertThat(Db.count("select count(*) from audit_entry where grant_id = ? and kind = ?", grant,
                EventTypes.GRANT_EXPIRING.type())).isEqualTo(1);

        run(sweep::sweep);
        assertThat(reminders(grant)).hasSize(1);
        revoke(grant);
    }

    @Test
    void aGrantAlreadyInsideItsShortestLeadIsRemindedAtOnceAndAGrantWithTimeLeftGetsEveryLead() {
        String shortGrant = Events.grantId();
        String longGrant = Events.grantId();
        Events.sendSample(EventTypes.GRANT_ACTIVATED, d -> d.put("grantId", shortGrant)
                .put("endsAt", Instant.now().plus(Duration.ofMinutes(5)).toString()));
        Events.sendSample(EventTypes.GRANT_ACTIVATED, d -> d.put("grantId", longGrant)
                .put("endsAt", Instant.now().plus(HOUR).plusSeconds(2).toString()));

        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(shortGrant).size() == 1
                && reminders(longGrant).size() == 1);

        assertThat((String) reminders(shortGrant).get(0).get("envelope")).contains("\"leadSeconds\":600");
        assertThat(status(shortGrant, HOUR)).isEqualTo("SKIPPED");
        assertThat((String) reminders(longGrant).get(0).get("envelope")).contains("\"leadSeconds\":3600");
        assertThat(status(longGrant, HOUR)).isEqualTo("SENT");
        assertThat(status(longGrant, TEN_MINUTES)).isEqualTo("PENDING");
        revoke(shortGrant);
    }

    @Test
    void anExtensionReplansTheRemindersForTheNewEnd() throws Exception {
        String grant = Events.grantId();
        Events.sendSample(EventTypes.GRANT_ACTIVATED, d -> d.put("grantId", grant)
                .put("endsAt", Instant.now().plus(TEN_MINUTES).plusSeconds(1).toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(grant).size() == 1);

        Instant newEnd = Instant.now().plus(HOUR).plusSeconds(2);
        Events.sendSample(EventTypes.GRANT_EXTENDED, d -> d.put("grantId", grant).put("endsAt", newEnd.toString()));

        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(grant).size() == 2);
        JsonNode second = JSON.readTree((String) reminders(grant).get(1).get("envelope")).get("data");
        assertThat(second.get("leadSeconds").asLong()).isEqualTo(3600);
        assertThat(Instant.parse(second.get("endsAt").asText())).isCloseTo(newEnd, within());
        assertThat(status(grant, HOUR)).isEqualTo("SENT");
        assertThat(status(grant, TEN_MINUTES)).isEqualTo("PENDING");
        assertThat(((java.sql.Timestamp) Db.query("select due_at from grant_reminder where grant_id = ? and "
                + "lead_seconds = 600", grant).get(0).get("due_at")).toInstant())
                .isCloseTo(newEnd.minus(TEN_MINUTES), within());
    }

    @Test
    void aGrantExtendedAfterItsHourReminderIsRemindedForTheNewEndOnceAndNeverTwiceForTheSameEndAndLead()
            throws Exception {
        String grant = Events.grantId();
        Instant first = Instant.now().plus(HOUR).plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        Events.sendSample(EventTypes.GRANT_ACTIVATED, d -> d.put("grantId", grant).put("endsAt", first.toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(grant).size() == 1);
        assertThat(status(grant, HOUR)).isEqualTo("SENT");

        Instant second = first.plus(Duration.ofMinutes(30));
        Events.sendSample(EventTypes.GRANT_EXTENDED, d -> d.put("grantId", grant).put("endsAt", second.toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> second.equals(plannedEnd(grant, HOUR)));
        assertThat(status(grant, HOUR)).as("re-planned for the new end").isEqualTo("PENDING");
        assertThat(dueAt(grant, HOUR)).isEqualTo(second.minus(HOUR));
        assertThat(dueAt(grant, TEN_MINUTES)).isEqualTo(second.minus(TEN_MINUTES));
        run(sweep::sweep);
        assertThat(reminders(grant)).as("nothing is due for the new end yet").hasSize(1);

        // the new end's hour has come (moved forward here instead of waiting half an hour)
        Db.update("update grant_reminder set due_at = now() - interval '1 second' where grant_id = ? "
                + "and lead_seconds = 3600", grant);
        run(sweep::sweep);
        assertThat(reminders(grant)).hasSize(2);
        JsonNode forSecond = JSON.readTree((String) reminders(grant).get(1).get("envelope")).get("data");
        assertThat(forSecond.get("leadSeconds").asLong()).isEqualTo(3600);
        assertThat(Instant.parse(forSecond.get("endsAt").asText())).isEqualTo(second);

        // a replayed activation moves the end back to the first one, then the extension comes again
        Events.sendSample(EventTypes.GRANT_ACTIVATED, d -> d.put("grantId", grant).put("endsAt", first.toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> first.equals(plannedEnd(grant, HOUR)));
        Events.sendSample(EventTypes.GRANT_EXTENDED, d -> d.put("grantId", grant).put("endsAt", second.toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> second.equals(plannedEnd(grant, HOUR)));
        Db.update("update grant_reminder set due_at = now() - interval '1 second' where grant_id = ? "
                + "and lead_seconds = 3600", grant);
        run(sweep::sweep);

        assertThat(reminders(grant)).as("the hour before the second end was announced already").hasSize(2);
        assertThat(status(grant, HOUR)).isEqualTo("SKIPPED");
        assertThat(Db.count("select count(*) from grant_reminder_sent where grant_id = ?", grant)).isEqualTo(2);
        revoke(grant);
        assertThat(Db.count("select count(*) from grant_reminder_sent where grant_id = ?", grant))
                .as("an ended grant's record is dropped").isZero();
    }

    @Test
    void anEndMovingAwayAndBackInsideTheShortestLeadIsAnnouncedOnce() {
        String grant = Events.grantId();
        Instant soon = Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        Events.sendSample(EventTypes.GRANT_ACTIVATED, d -> d.put("grantId", grant).put("endsAt", soon.toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(grant).size() == 1);

        Instant later = soon.plus(Duration.ofHours(2));
        Events.sendSample(EventTypes.GRANT_EXTENDED, d -> d.put("grantId", grant).put("endsAt", later.toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> later.equals(plannedEnd(grant, TEN_MINUTES)));
        Events.sendSample(EventTypes.GRANT_ACTIVATED, d -> d.put("grantId", grant).put("endsAt", soon.toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> soon.equals(plannedEnd(grant, TEN_MINUTES))
                && !"PENDING".equals(status(grant, TEN_MINUTES)));
        run(sweep::sweep);

        assertThat(reminders(grant)).as("ten minutes before the same end, once").hasSize(1);
        assertThat(status(grant, TEN_MINUTES)).isEqualTo("SKIPPED");
        revoke(grant);
    }

    @Test
    void anEndedGrantGetsNoReminderAndARepeatedActivationSendsNothingTwice() {
        String ended = Events.grantId();
        Instant end = Instant.now().plus(HOUR).plusSeconds(30);
        Events.sendSample(EventTypes.GRANT_ACTIVATED, d -> d.put("grantId", ended).put("endsAt", end.toString()));
        Events.sendSample(EventTypes.GRANT_REVOKED, d -> d.put("grantId", ended));
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(status(ended, HOUR))
                && "CANCELLED".equals(status(ended, TEN_MINUTES)));

        Db.update("update grant_reminder set due_at = now() - interval '1 second' where grant_id = ?", ended);
        run(sweep::sweep);
        assertThat(reminders(ended)).isEmpty();

        String repeated = Events.grantId();
        Instant soon = Instant.now().plus(Duration.ofMinutes(3));
        Events.sendSample(EventTypes.GRANT_ACTIVATED, d -> d.put("grantId", repeated).put("endsAt", soon.toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(repeated).size() == 1);
        Events.sendSample(EventTypes.GRANT_ACTIVATED, d -> d.put("grantId", repeated).put("endsAt", soon.toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> Db.count(
                "select count(*) from audit_entry where grant_id = ? and kind = ?", repeated,
                EventTypes.GRANT_ACTIVATED.type()) == 2);
        run(sweep::sweep);
        assertThat(reminders(repeated)).hasSize(1);
        revoke(repeated);
    }

    @Test
    void moreDueRemindersThanOneClaimAreEachSentExactlyOnceByConcurrentSweeps() throws Exception {
        String prefix = "grt_remind" + System.nanoTime() + "_";
        Db.update("insert into grant_schedule (grant_id, identity, entitlement, role_arn, ends_at, status, updated_at) "
                + "select ? || n, 'many@example.com', 'payments-read', 'arn:aws:iam::123456789012:role/x', "
                + "date_trunc('second', now()) + interval '3 hours', 'ACTIVE', now() from generate_series(1, 1600) n",
                prefix);
        Db.update("insert into grant_reminder (grant_id, lead_seconds, ends_at, due_at, status, updated_at) "
                + "select grant_id, 600, ends_at, now() - interval '1 second', 'PENDING', now() from grant_schedule "
                + "where grant_id like ?", prefix + "%");
        // a grant whose 1 h and 10 min reminders are both overdue (the service was down) gets only the 10 min one
        Db.update("insert into grant_reminder (grant_id, lead_seconds, ends_at, due_at, status, updated_at) "
                + "select grant_id, 3600, ends_at, now() - interval '2 seconds', 'PENDING', now() from grant_schedule "
                + "where grant_id = ?", prefix + "1");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> run(sweep::sweep), pool);
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> run(sweep::sweep), pool);
            CompletableFuture.allOf(a, b).get();
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> Db.count(
                "select count(*) from grant_reminder where grant_id like ? and status = 'PENDING'", prefix + "%") == 0);

        assertThat(Db.count("select count(*) from outbox_event where type = ? and subject like ?",
                EventTypes.GRANT_EXPIRING.type(), prefix + "%")).isEqualTo(1600);
        assertThat(Db.count("select count(distinct subject) from outbox_event where type = ? and subject like ?",
                EventTypes.GRANT_EXPIRING.type(), prefix + "%")).isEqualTo(1600);
        assertThat(Db.count("select count(*) from audit_entry where kind = ? and grant_id like ?",
                EventTypes.GRANT_EXPIRING.type(), prefix + "%")).isEqualTo(1600);
        assertThat(Db.query("select lead_seconds, status from grant_reminder where grant_id = ?", prefix + "1").stream()
                .collect(Collectors.toMap(r -> ((Number) r.get("lead_seconds")).longValue(), r -> r.get("status"))))
                .containsEntry(3600L, "SKIPPED").containsEntry(600L, "SENT");
    }

    /** Ends a grant the way the broker reports it, so no expiry of it lands in a later test. */
    private static void revoke(String grant) {
        Events.sendSample(EventTypes.GRANT_REVOKED, d -> d.put("grantId", grant));
        await().atMost(Duration.ofSeconds(20)).until(() -> "ENDED".equals(Db.query(
                "select status from grant_schedule where grant_id = ?", grant).get(0).get("status")));
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.SECONDS);
    }

    private static List<Map<String, Object>> reminders(String grant) {
        return Db.query("select created_at, envelope from outbox_event where type = ? and subject = ? order by id",
                EventTypes.GRANT_EXPIRING.type(), grant);
    }

    private static Instant plannedEnd(String grant, Duration lead) {
        return instantOf(grant, lead, "ends_at");
    }

    private static Instant dueAt(String grant, Duration lead) {
        return instantOf(grant, lead, "due_at");
    }

    private static Instant instantOf(String grant, Duration lead, String column) {
        List<Map<String, Object>> rows = Db.query("select " + column + " from grant_reminder where grant_id = ? "
                + "and lead_seconds = ?", grant, lead.toSeconds());
        return rows.isEmpty() ? null : ((java.sql.Timestamp) rows.get(0).get(column)).toInstant();
    }

    private static String status(String grant, Duration lead) {
        List<Map<String, Object>> rows = Db.query("select status from grant_reminder where grant_id = ? "
                + "and lead_seconds = ?", grant, lead.toSeconds());
        return rows.isEmpty() ? null : (String) rows.get(0).get("status");
    }

    private static <T> T run(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}

package io.accessloop.lifecycle.expiry;

import io.accessloop.contracts.EventTypes;
import io.accessloop.lifecycle.support.Db;
import io.accessloop.lifecycle.support.Events;
import io.accessloop.testsupport.ArtemisResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class GrantExpiryTest {

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
        Instant soon = Instant.now().plusSeconds(1);
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
        await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() -> true);

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

    private static List<Map<String, Object>> revokeCommands(String grant) {
        return Db.query("select created_at, sent_at, envelope, address from outbox_event where type = ? and subject = ?",
                EventTypes.REVOKE_GRANT.type(), grant);
    }

    private static String status(String grant) {
        List<Map<String, Object>> rows = Db.query("select status from grant_schedule where grant_id = ?", grant);
        return rows.isEmpty() ? null : (String) rows.get(0).get("status");
    }
}

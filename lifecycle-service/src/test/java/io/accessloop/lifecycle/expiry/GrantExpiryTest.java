package io.accessloop.lifecycle.expiry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.command.RevokeGrants;
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
import java.util.ArrayList;
import java.util.HashMap;
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
    private static final ObjectMapper JSON = new ObjectMapper();

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
        assertThat((String) command.get("envelope")).contains("\"grantIds\":[\"" + grant + "\"]", "\"reason\":\"expired\"")
                .contains("\"subject\":\"arn:aws:iam::000000000000:role/prod-readonly\"");
        assertThat(Db.count("select count(*) from audit_entry where kind = ? and grant_id = ? and identity = ? "
                        + "and content like ?", ExpirySweep.KIND_REVOKE_REQUESTED, grant, "alice@example.com",
                "%" + command.get("event_id") + "%")).as("the grant's own ledger entry names its command").isEqualTo(1);
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
    void manyGrantsOfAnUnknownRoleEndingAtOnceAreEachRevokedExactlyOnce() {
        String prefix = "grt_bulk" + System.nanoTime() + "_";
        Db.update("insert into grant_schedule (grant_id, identity, ends_at, status, updated_at) "
                + "select ? || n, 'bulk@example.com', now() - interval '1 second', 'ACTIVE', now() "
                + "from generate_series(1, 1200) n", prefix);

        await().atMost(Duration.ofSeconds(60)).until(() ->
                Db.count("select count(*) from grant_schedule where grant_id like ? and status = 'ACTIVE'",
                        prefix + "%") == 0);

        List<Command> commands = commandsNaming(prefix);
        assertThat(commands).allSatisfy(c -> assertThat(c.grantIds()).hasSizeBetween(1, RevokeGrants.MAX_GRANTS));
        assertThat(commands.size()).as("batched, not one command per grant").isLessThan(10);
        assertThat(allIds(commands)).hasSize(1200).doesNotHaveDuplicates();
    }

    @Test
    void dueGrantsOfThreeRolesGoOutAsSingleRoleCommandsOfAtMostAThousandGrantsEachExactlyOnce() {
        String prefix = "grt_roles" + System.nanoTime() + "_";
        String role = "arn:aws:iam::123456789012:role/expiry-" + System.nanoTime() + "-";
        // 1,700 grants of role a, 500 of b, 300 of c; owners spread over 7 people
        Db.update("insert into grant_schedule (grant_id, identity, role_arn, ends_at, status, updated_at) "
                + "select ? || n, 'roles' || (n % 7) || '@example.com', "
                + "? || case when n <= 1700 then 'a' when n <= 2200 then 'b' else 'c' end, "
                + "now() - interval '1 second', 'ACTIVE', now() from generate_series(1, 2500) n", prefix, role);

        await().atMost(Duration.ofSeconds(60)).until(() -> Db.count(
                "select count(*) from grant_schedule where grant_id like ? and status = 'ACTIVE'", prefix + "%") == 0);

        List<Command> commands = commandsNaming(prefix);
        Map<String, String> roleOf = new HashMap<>();
        for (Map<String, Object> row : Db.query("select grant_id, role_arn from grant_schedule where grant_id like ?",
                prefix + "%")) {
            roleOf.put((String) row.get("grant_id"), (String) row.get("role_arn"));
        }
        for (Command c : commands) {
            assertThat(c.grantIds()).hasSizeBetween(1, RevokeGrants.MAX_GRANTS).doesNotHaveDuplicates();
            assertThat(c.grantIds()).as("one role per command").allSatisfy(id ->
                    assertThat(roleOf.get(id)).isEqualTo(c.subject()));
            assertThat(c.reason()).isEqualTo("expired");
        }
        assertThat(commands.stream().mapToInt(c -> c.grantIds().size()).max().orElse(0))
                .as("role a's 1,700 grants need a full command").isEqualTo(RevokeGrants.MAX_GRANTS);
        assertThat(commands.size()).as("batched by role, not one command per grant").isBetween(3, 9);
        assertThat(allIds(commands)).hasSize(2500).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(roleOf.keySet());
        assertThat(Db.count("select count(*) from grant_schedule where grant_id like ? and status = 'REVOKE_SENT' "
                + "and revoke_sent_at is not null", prefix + "%")).isEqualTo(2500);
        assertThat(Db.count("select count(*) from audit_entry where kind = ? and principal_arn like ?",
                EventTypes.REVOKE_GRANTS.type(), role + "%")).as("each command in the ledger under its role")
                .isEqualTo(commands.size());
    }

    @Test
    void twoSweepsRunningConcurrentlyNeverSendAGrantTwice() throws Exception {
        String prefix = "grt_race" + System.nanoTime() + "_";
        String role = "arn:aws:iam::123456789012:role/race-" + System.nanoTime() + "-";
        Db.update("insert into grant_schedule (grant_id, identity, role_arn, ends_at, status, updated_at) "
                + "select ? || n, 'race' || (n % 7) || '@example.com', ? || (n % 3), now() - interval '1 second', "
                + "'ACTIVE', now() from generate_series(1, 4000) n", prefix, role);

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
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.count(
                "select count(*) from grant_schedule where grant_id like ? and status = 'ACTIVE'", prefix + "%") == 0);

        List<Command> commands = commandsNaming(prefix);
        assertThat(commands).allSatisfy(c -> assertThat(c.grantIds()).hasSizeBetween(1, RevokeGrants.MAX_GRANTS)
                .allSatisfy(id -> assertThat(c.subject()).isEqualTo(role + (Long.parseLong(
                        id.substring(prefix.length())) % 3))));
        assertThat(allIds(commands)).hasSize(4000).doesNotHaveDuplicates();
        assertThat(Db.count("select count(*) from audit_entry where kind = ? and grant_id like ?",
                ExpirySweep.KIND_REVOKE_REQUESTED, prefix + "%")).isEqualTo(4000);
        assertThat(Db.count("select count(*) from audit_entry where kind = ? and grant_id like ? and identity like 'race%'",
                ExpirySweep.KIND_REVOKE_REQUESTED, prefix + "%")).as("each grant's entry filed under its owner")
                .isEqualTo(4000);
        assertThat(Db.count("select count(*) from grant_schedule where grant_id like ? and status = 'REVOKE_SENT' "
                + "and revoke_sent_at is not null", prefix + "%")).isEqualTo(4000);
    }

    @Test
    void theDueQueriesOfBothSweepsCanBeServedByTheirPartialIndexes() throws Exception {
        assertThat(plan("select grant_id, identity, role_arn from grant_schedule where status = 'ACTIVE' "
                + "and ends_at <= now() order by role_arn, ends_at limit 1000 for update skip locked"))
                .contains("grant_schedule_due");
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

    /** The REVOKE_GRANTS commands naming {@code grant}. */
    private static List<Map<String, Object>> revokeCommands(String grant) {
        return Db.query("select event_id, created_at, sent_at, envelope, address from outbox_event where type = ? "
                + "and (envelope::jsonb -> 'data' -> 'grantIds') @> jsonb_build_array(?::text)",
                EventTypes.REVOKE_GRANTS.type(), grant);
    }

    /** Every REVOKE_GRANTS command naming a grant whose id starts with {@code prefix}. */
    private static List<Command> commandsNaming(String prefix) {
        List<Command> commands = new ArrayList<>();
        for (Map<String, Object> row : Db.query("select o.envelope from outbox_event o where o.type = ? and exists "
                + "(select 1 from jsonb_array_elements_text(o.envelope::jsonb -> 'data' -> 'grantIds') g "
                + "where g like ?) order by o.id", EventTypes.REVOKE_GRANTS.type(), prefix + "%")) {
            try {
                JsonNode envelope = JSON.readTree((String) row.get("envelope"));
                List<String> ids = new ArrayList<>();
                envelope.get("data").get("grantIds").forEach(id -> ids.add(id.asText()));
                commands.add(new Command(envelope.get("subject").asText(), ids,
                        envelope.get("data").get("reason").asText()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return commands;
    }

    private static List<String> allIds(List<Command> commands) {
        return commands.stream().flatMap(c -> c.grantIds().stream()).toList();
    }

    private record Command(String subject, List<String> grantIds, String reason) {
    }

    private static String status(String grant) {
        List<Map<String, Object>> rows = Db.query("select status from grant_schedule where grant_id = ?", grant);
        return rows.isEmpty() ? null : (String) rows.get(0).get("status");
    }
}

package io.accessloop.broker.messaging;

import io.accessloop.broker.Db;
import io.accessloop.broker.PolicyWrites;
import io.accessloop.broker.SandboxAccount;
import io.accessloop.broker.StoredGrants;
import io.accessloop.contracts.CloudEvent;
import io.accessloop.contracts.EventCodec;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.command.RevokeGrants;
import io.accessloop.kit.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code REVOKE_GRANTS} over the real AMQP broker: the grants of one command are denied with one policy write and one
 * verification per role, stored and announced in bulk, exactly once; invalid commands change nothing and are not
 * redelivered.
 */
@QuarkusTest
class BatchRevocationTest {

    private static final List<String> ENTITLEMENTS = List.of("prod-readonly", "prod-oncall", "dev-sandbox");
    private static final String EXPIRED = "io.accessloop.access.grant.expired.v1";
    private static final String REVOKED = "io.accessloop.access.grant.revoked.v1";

    @Inject
    Outbox outbox;

    @Inject
    EventCodec codec;

    @Inject
    BrokerCommandConsumer commands;

    @BeforeEach
    void roles() {
        SandboxAccount.ensureRoles();
    }

    private static String person() {
        return "storm-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private CloudEvent publish(RevokeGrants command) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> outbox.append(EventTypes.REVOKE_GRANTS, "batch", command)));
    }

    private static long count(String sql, List<String> ids) {
        return Db.count(sql.replace("?", "'" + String.join("','", ids) + "'"));
    }

    @Test
    void threeHundredGrantsOnThreeRolesExpireWithOnePolicyWritePerRole() throws Throwable {
        ENTITLEMENTS.forEach(StoredGrants::clearRevocations);
        String person = person();
        Map<String, List<String>> byRole = new LinkedHashMap<>();
        Map<String, JsonPath> sessions = new LinkedHashMap<>();
        Map<String, String> roleOfSession = new LinkedHashMap<>();
        for (String entitlement : ENTITLEMENTS) {
            List<String> grants = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                grants.add(StoredGrants.insertActive(person, entitlement));
            }
            byRole.put(entitlement, grants);
            sessions.put(grants.get(0), StoredGrants.session(person, grants.get(0)));
            sessions.put(grants.get(99), StoredGrants.session(person, grants.get(99)));
            roleOfSession.put(grants.get(0), StoredGrants.roleArn(entitlement));
            roleOfSession.put(grants.get(99), StoredGrants.roleArn(entitlement));
        }
        sessions.forEach((grant, session) -> assertThat(StoredGrants.decision(session, roleOfSession.get(grant)))
                .as(grant).isEqualTo("ALLOWED"));
        List<String> all = byRole.values().stream().flatMap(List::stream).toList();
        String alreadyEnded = StoredGrants.insertActive(person, "prod-readonly");
        Db.update("update access_grant set status = 'RELEASED', ended_at = now() where id = ?", alreadyEnded);
        Map<String, Long> writesBefore = new LinkedHashMap<>();
        ENTITLEMENTS.forEach(e -> writesBefore.put(e, PolicyWrites.of(e)));
        List<String> ids = new ArrayList<>(all);
        ids.add("grt_UNKNOWN0000000000000000000");
        ids.add(alreadyEnded);
        Collections.shuffle(ids);

        CloudEvent command = publish(new RevokeGrants(ids, "expired", "lifecycle-service"));

        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from access_grant where id in (?) "
                + "and status = 'EXPIRED'", all) == 300);
        assertThat(count("select count(*) from access_grant where id in (?) and revocation_verified "
                + "and ended_by = 'lifecycle-service' and end_reason = 'expired'", all)).isEqualTo(300);
        assertThat(count("select count(*) from outbox_event where type = '" + EXPIRED + "' and subject in (?)", all))
                .isEqualTo(300);
        assertThat(count("select count(distinct subject) from outbox_event where subject in (?)", all)).isEqualTo(300);
        assertThat(Db.count("select count(*) from access_grant where id = ? and status = 'RELEASED'", alreadyEnded))
                .isEqualTo(1);
        assertThat(Db.count("select count(*) from outbox_event where subject = ?", alreadyEnded)).isZero();
        for (String entitlement : ENTITLEMENTS) {
            assertThat(PolicyWrites.of(entitlement) - writesBefore.get(entitlement)).as(entitlement).isEqualTo(1);
            assertThat(Db.count("select count(*) from revocation_entry where role_arn = ? and kind = 'GRANT'",
                    StoredGrants.roleArn(entitlement))).isEqualTo(100);
        }
        sessions.forEach((grant, session) -> assertThat(StoredGrants.decision(session, roleOfSession.get(grant)))
                .as(grant).isEqualTo("EXPLICIT_DENY"));

        // the broker redelivers an unacknowledged message: the inbox makes it a no-op
        long events = count("select count(*) from outbox_event where subject in (?)", all);
        VertxContextSupport.subscribeAndAwait(() -> commands.onCommand(codec.encode(command)));

        assertThat(count("select count(*) from outbox_event where subject in (?)", all)).isEqualTo(events);
        assertThat(count("select count(*) from outbox_event where type = '" + EXPIRED + "' and subject in (?)", all))
                .isEqualTo(300);
        for (String entitlement : ENTITLEMENTS) {
            assertThat(PolicyWrites.of(entitlement) - writesBefore.get(entitlement)).as(entitlement).isEqualTo(1);
        }
    }

    @Test
    void aRevocationReasonOtherThanExpiryRevokesAndSaysWhy() throws Throwable {
        String person = person();
        List<String> grants = List.of(StoredGrants.insertActive(person, "prod-readonly"),
                StoredGrants.insertActive(person, "prod-oncall"));
        JsonPath session = StoredGrants.session(person, grants.get(1));

        publish(new RevokeGrants(grants, "transfer", "lifecycle-service"));

        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from access_grant where id in (?) "
                + "and status = 'REVOKED' and end_reason = 'transfer' and revocation_verified", grants) == 2);
        assertThat(count("select count(*) from outbox_event where type = '" + REVOKED + "' and subject in (?)",
                grants)).isEqualTo(2);
        assertThat(StoredGrants.decision(session, StoredGrants.roleArn("prod-oncall"))).isEqualTo("EXPLICIT_DENY");
    }

    @Test
    void invalidCommandsChangeNothingAndAreNotRedelivered() throws Throwable {
        String person = person();
        String grant = StoredGrants.insertActive(person, "prod-readonly");
        List<String> tooMany = new ArrayList<>();
        tooMany.add(grant);
        for (int i = 1; i <= RevokeGrants.MAX_GRANTS; i++) {
            tooMany.add("grt_" + i);
        }
        List<Object> invalid = List.of(
                new RevokeGrants(List.of(), "expired", "lifecycle-service"),
                new RevokeGrants(tooMany, "expired", "lifecycle-service"),
                new RevokeGrants(List.of(grant), " ", "lifecycle-service"),
                new RevokeGrants(List.of(grant, ""), "expired", "lifecycle-service"),
                new RevokeGrants(List.of(grant), "expired", null),
                Map.of("grantIds", grant, "reason", "expired", "requestedBy", "lifecycle-service"));

        for (Object payload : invalid) {
            CloudEvent event = new CloudEvent("1.0", UUID.randomUUID().toString(), "/lifecycle-service",
                    EventTypes.REVOKE_GRANTS.type(), "batch", Instant.now(), "application/json",
                    codec.toTree(payload));
            // completing normally is what acknowledges the message: a failure would make the broker redeliver it
            VertxContextSupport.subscribeAndAwait(() -> commands.onCommand(codec.encode(event)));
            assertThat(Db.count("select count(*) from inbox_event where event_id = ?", event.id())).isEqualTo(1);
        }

        assertThat(Db.count("select count(*) from access_grant where id = ? and status = 'ACTIVE' "
                + "and ended_at is null", grant)).isEqualTo(1);
        assertThat(Db.count("select count(*) from outbox_event where subject = ?", grant)).isZero();
        assertThat(Db.count("select count(*) from revocation_entry where subject = ?", grant)).isZero();
    }
}

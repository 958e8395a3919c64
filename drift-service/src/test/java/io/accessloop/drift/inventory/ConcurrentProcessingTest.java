package io.accessloop.drift.inventory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.contracts.EventCodec;
import io.accessloop.contracts.EventTypes;
import io.accessloop.drift.Samples;
import io.accessloop.drift.findings.domain.rules.AdminWildcardRule;
import io.accessloop.drift.findings.domain.rules.OutOfBandChangeRule;
import io.accessloop.drift.findings.service.FindingEvaluator;
import io.accessloop.drift.ingest.config.ProcessingSettings;
import io.accessloop.drift.ingest.messaging.ChangeLanes;
import io.accessloop.drift.ingest.service.ChangeProcessor;
import io.accessloop.drift.inventory.domain.Attribution;
import io.accessloop.drift.inventory.domain.ConfigItemMapper;
import io.accessloop.drift.inventory.domain.IamSnapshot;
import io.accessloop.drift.inventory.domain.ResourceKey;
import io.accessloop.drift.inventory.domain.ResourceType;
import io.accessloop.drift.inventory.service.ResourceLock;
import io.accessloop.testsupport.PostgresResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Changes processed at the same time: several transactions on the same resource end on its newest state with one
 * version per accepted state and one finding per condition, a change and its CloudTrail call still join, and the
 * consumer really runs changes to different resources at once while keeping one resource's changes in order.
 */
@QuarkusTest
class ConcurrentProcessingTest {

    private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

    @Inject
    Pool pool;
    @Inject
    EventCodec codec;
    @Inject
    ChangeProcessor processor;
    @Inject
    FindingEvaluator evaluator;
    @Inject
    Vertx vertx;
    @Inject
    ProcessingSettings settings;

    @Test
    void concurrentOutOfOrderChangesToOneResourceEndOnTheNewestStateWithoutRollbackOrDuplicates() {
        String role = "concurrent-" + UUID.randomUUID().toString().substring(0, 8);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(120);
        int states = 10;
        List<ObjectNode> events = new ArrayList<>();
        for (int s = 1; s <= states; s++) {
            ObjectNode change = state(role, t0, s);
            events.add(change);
            if (s % 3 == 0) {
                // the same state again, as a second notification of it
                events.add(change.deepCopy().put("id", UUID.randomUUID().toString()));
            }
        }
        Collections.shuffle(events, new Random(7));
        List<String> ids = new Backlog(pool, codec).storeOnly(events);

        List<Throwable> failures = concurrently(ids.stream().<Supplier<Uni<?>>>map(id -> () -> processor.process(id))
                .toList());

        assertThat(failures).isEmpty();
        assertThat(count("select count(*) from raw_event where processed_at is not null and id = any($1)",
                (Object) ids.toArray(new String[0]))).isEqualTo(ids.size());
        String arn = arn(role);
        assertThat(count("select state_id from iam_resource where arn = $1", arn)).isEqualTo(states);
        List<Long> versions = longs("select v.state_id from iam_resource_version v join iam_resource r "
                + "on r.id = v.resource_ref where r.arn = $1 order by v.version", arn);
        assertThat(versions).isSorted().doesNotHaveDuplicates().hasSizeBetween(1, states)
                .endsWith((long) states);
        assertThat(count("select count(*) from finding where principal_arn = $1 and rule = $2 and status <> 'RESOLVED'",
                arn, AdminWildcardRule.ID)).isEqualTo(1);
        assertThat(openedEvents(arn, AdminWildcardRule.ID)).isEqualTo(1);
    }

    @Test
    void transactionsThatFindTheSameConditionAtOnceOpenOneFinding() {
        String role = "same-finding-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode change = Samples.roleChange(role, Instant.now().truncatedTo(ChronoUnit.MILLIS), 1);
        Samples.unmanage(change);
        Samples.attach(change, "AdministratorAccess", ADMIN);
        IamSnapshot current = ConfigItemMapper.map(Samples.item(change)).orElseThrow();

        List<Supplier<Uni<?>>> evaluations = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            evaluations.add(() -> evaluator.evaluate(null, current, Attribution.unknown(), false));
        }
        List<Throwable> failures = concurrently(evaluations);

        assertThat(failures).isEmpty();
        String arn = arn(role);
        assertThat(count("select count(*) from finding where principal_arn = $1 and rule = $2", arn,
                AdminWildcardRule.ID)).isEqualTo(1);
        assertThat(openedEvents(arn, AdminWildcardRule.ID)).isEqualTo(1);
    }

    @Test
    void aChangeAndTheCallThatCausedItProcessedAtOnceAreJoined() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        List<String> roles = new ArrayList<>();
        List<String> creates = new ArrayList<>();
        List<ObjectNode> pairs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String role = "joined-" + UUID.randomUUID().toString().substring(0, 8);
            roles.add(role);
            creates.addAll(new Backlog(pool, codec).storeOnly(List.of(Samples.roleChange(role, t0, 1))));
            pairs.add(Samples.attachRolePolicyCall(role, ADMIN, t0.plusSeconds(1), "ops-admin", "mallory@example.com"));
            ObjectNode attached = Samples.roleChange(role, t0.plusSeconds(2), 2);
            Samples.attach(attached, "AdministratorAccess", ADMIN);
            pairs.add(attached);
        }
        assertThat(concurrently(creates.stream().<Supplier<Uni<?>>>map(id -> () -> processor.process(id)).toList()))
                .isEmpty();

        List<String> ids = new Backlog(pool, codec).storeOnly(pairs);
        assertThat(concurrently(ids.stream().<Supplier<Uni<?>>>map(id -> () -> processor.process(id)).toList()))
                .isEmpty();

        for (String role : roles) {
            assertThat(strings("select coalesce(changed_by, 'nobody') from finding where principal_arn = $1 "
                    + "and rule = $2", arn(role), OutOfBandChangeRule.ID))
                    .containsExactly("arn:aws:sts::000000000000:assumed-role/ops-admin/mallory@example.com");
        }
    }

    @Test
    void theConsumerRunsChangesToOtherResourcesWhileOneWaitsAndKeepsEachResourcesOrder() throws SQLException {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        String blocked = "blocked-" + UUID.randomUUID().toString().substring(0, 8);
        int lane = ChangeLanes.laneOf(lockName(blocked), settings.concurrency());
        String other;
        do {
            other = "other-" + UUID.randomUUID().toString().substring(0, 8);
        } while (ChangeLanes.laneOf(lockName(other), settings.concurrency()) == lane);
        Backlog backlog = new Backlog(pool, codec);

        try (Connection holder = jdbc(); PreparedStatement lock = holder.prepareStatement(
                "select pg_advisory_lock(hashtextextended(?, 0))")) {
            lock.setString(1, lockName(blocked));
            lock.executeQuery().close();
            // the first change of the held resource waits for the lock, the second waits behind it in its lane
            List<String> first = backlog.queue(List.of(Samples.roleChange(blocked, t0, 1),
                    state(blocked, t0, 2)));
            List<String> unblocked = backlog.queue(List.of(Samples.roleChange(other, t0, 1)));

            await().atMost(Duration.ofSeconds(30)).until(() -> processed(unblocked.get(0)));
            assertThat(processed(first.get(0))).isFalse();
            assertThat(processed(first.get(1))).isFalse();

            try (PreparedStatement unlock = holder.prepareStatement("select pg_advisory_unlock(hashtextextended(?, 0))")) {
                unlock.setString(1, lockName(blocked));
                unlock.executeQuery().close();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> processed(first.get(0)) && processed(first.get(1)));
        }
        // in arrival order: the older state became a version before the newer one, neither was taken as stale
        assertThat(longs("select v.state_id from iam_resource_version v join iam_resource r on r.id = v.resource_ref "
                + "where r.arn = $1 order by v.version", arn(blocked))).containsExactly(1L, 2L);
    }

    /** A distinct state of the role: AdministratorAccess attached and an inline policy naming the state. */
    private static ObjectNode state(String role, Instant t0, int state) {
        ObjectNode change = Samples.roleChange(role, t0.plusSeconds(state), state);
        Samples.unmanage(change);
        Samples.attach(change, "AdministratorAccess", ADMIN);
        Samples.putInline(change, "state", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket/" + state + "\"}]}");
        return change;
    }

    private static String arn(String role) {
        return "arn:aws:iam::" + Samples.ACCOUNT + ":role/" + role;
    }

    private static String lockName(String role) {
        return ResourceLock.lockName(Samples.ACCOUNT, new ResourceKey(ResourceType.ROLE, role));
    }

    /** Runs each unit in its own transaction on its own Vert.x context, all at once; returns the failures. */
    private List<Throwable> concurrently(List<Supplier<Uni<?>>> units) {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (Supplier<Uni<?>> unit : units) {
            CompletableFuture<Void> finished = new CompletableFuture<>();
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> Panache.withTransaction(unit::get).subscribe()
                    .with(ok -> finished.complete(null), finished::completeExceptionally));
            done.add(finished);
        }
        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<Void> f : done) {
            try {
                f.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                failures.add(e);
            }
        }
        return failures;
    }

    private long openedEvents(String arn, String rule) {
        return count("select count(*) from outbox_event o join finding f on o.subject = f.id where f.principal_arn = $1 "
                + "and f.rule = $2 and o.type = $3", arn, rule, EventTypes.FINDING_OPENED.type());
    }

    private boolean processed(String rawEventId) {
        return count("select count(*) from raw_event where processed_at is not null and id = $1", rawEventId) == 1;
    }

    private long count(String sql, Object... params) {
        return longs(sql, params).get(0);
    }

    private List<Long> longs(String sql, Object... params) {
        List<Long> out = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10))
                .forEach(row -> out.add(row.getLong(0)));
        return out;
    }

    private List<String> strings(String sql, Object... params) {
        List<String> out = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10))
                .forEach(row -> out.add(row.getString(0)));
        return out;
    }

    private static Connection jdbc() throws SQLException {
        PostgresResource.Server server = PostgresResource.server();
        return DriverManager.getConnection("jdbc:postgresql://" + server.host() + ":" + server.port() + "/drift",
                server.user(), server.password());
    }
}

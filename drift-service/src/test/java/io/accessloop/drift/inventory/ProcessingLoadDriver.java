package io.accessloop.drift.inventory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.contracts.EventCodec;
import io.accessloop.drift.Samples;
import io.accessloop.testsupport.PostgresResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A load driver, not part of the normal run: {@code -Ddrift.processing.load=true} queues a burst of Config changes
 * (by default 500 roles, 3 states each, as the bench's ingestion burst has them) and prints how fast drift processed
 * them from {@code accessloop.aws.changes}. It asserts only that every change was processed and every role ended
 * on its newest state; the rate is printed, never asserted.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "drift.processing.load", matches = "true")
class ProcessingLoadDriver {

    @Inject
    Pool pool;

    @Inject
    EventCodec codec;

    @Test
    void aBurstOfStoredChangesIsProcessed() throws SQLException {
        int roles = Integer.getInteger("drift.processing.load.roles", 500);
        int states = Integer.getInteger("drift.processing.load.states", 3);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);
        List<ObjectNode> events = new ArrayList<>();
        for (int s = 1; s <= states; s++) {
            for (int r = 0; r < roles; r++) {
                ObjectNode change = Samples.roleChange("load-" + run + "-" + r, t0.plusSeconds(s), s);
                Samples.putInline(change, "read", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bench/" + s + "\"}]}");
                events.add(change);
            }
        }
        List<String> ids;
        Instant released;
        Duration cpuBefore;
        Map<String, Duration> byProcess;
        // processing waits (every inbox insert blocks) until the relay has put the whole burst on the queue: what is
        // measured then is the processing alone, from a full queue
        try (Connection hold = jdbc()) {
            hold.setAutoCommit(false);
            hold.createStatement().execute("lock table inbox_event in exclusive mode");
            ids = new Backlog(pool, codec).queue(events);
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() -> unsent(ids) == 0);
            cpuBefore = cpu();
            byProcess = cpuByProcess();
            hold.commit();
            released = Instant.now();
        }
        long started = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> unprocessed(ids) == 0);
        double seconds = (System.nanoTime() - started) / 1e9;
        Duration cpu = cpu().minus(cpuBefore);
        Row span = pool.preparedQuery("select max(processed_at) from raw_event where id = any($1)")
                .execute(Tuple.of(ids.toArray(new String[0]))).await().indefinitely().iterator().next();
        double processing = Duration.between(released, span.getOffsetDateTime(0).toInstant()).toMillis() / 1e3;
        System.out.printf("PROCESSING LOAD: %d queued changes (%d roles x %d states) processed in %.1f s: %.1f changes/s "
                        + "(%.1f s until the test saw the end); CPU %.1f ms per change (this JVM, PostgreSQL and the "
                        + "sandbox together: %s)%n",
                ids.size(), roles, states, processing, ids.size() / processing, seconds,
                cpu.toNanos() / 1e6 / ids.size(), perChange(byProcess, cpuByProcess(), ids.size()));
        long newest = pool.preparedQuery("select count(*) from iam_resource where arn like $1 and state_id = $2")
                .execute(Tuple.of("%:role/load-" + run + "-%", (long) states)).await().indefinitely()
                .iterator().next().getLong(0);
        assertThat(newest).isEqualTo(roles);
    }

    /**
     * CPU used so far by this JVM (which runs the service) and every process it started (PostgreSQL, the sandbox):
     * unlike the rate, it does not depend on what else the machine is running.
     */
    private static Duration cpu() {
        return cpuByProcess().values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** CPU so far per kind of process: this JVM, PostgreSQL, other (the sandbox, a java child). */
    private static Map<String, Duration> cpuByProcess() {
        Map<String, Duration> out = new TreeMap<>();
        out.put("service JVM", ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            String command = child.info().command().orElse("?");
            String kind = command.contains("postgres") ? "PostgreSQL" : command.endsWith("java") ? "sandbox" : "other";
            out.merge(kind, child.info().totalCpuDuration().orElse(Duration.ZERO), Duration::plus);
        }
        return out;
    }

    private static String perChange(Map<String, Duration> before, Map<String, Duration> after, int changes) {
        StringBuilder out = new StringBuilder();
        after.forEach((kind, used) -> out.append(String.format(" %s %.1f ms", kind,
                used.minus(before.getOrDefault(kind, Duration.ZERO)).toNanos() / 1e6 / changes)));
        return out.toString().trim();
    }

    private long unsent(List<String> ids) {
        return pool.preparedQuery("select count(*) from outbox_event where sent_at is null and subject = any($1)")
                .execute(Tuple.of(ids.toArray(new String[0]))).await().indefinitely().iterator().next().getLong(0);
    }

    private static Connection jdbc() throws SQLException {
        PostgresResource.Server server = PostgresResource.server();
        return DriverManager.getConnection("jdbc:postgresql://" + server.host() + ":" + server.port() + "/drift",
                server.user(), server.password());
    }

    private long unprocessed(List<String> ids) {
        return pool.preparedQuery("select count(*) from raw_event where processed_at is null and id = any($1)")
                .execute(Tuple.of(ids.toArray(new String[0]))).await().indefinitely().iterator().next().getLong(0);
    }
}

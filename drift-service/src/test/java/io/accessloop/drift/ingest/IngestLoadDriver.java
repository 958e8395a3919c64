package io.accessloop.drift.ingest;

import io.accessloop.drift.Api;
import io.accessloop.drift.Samples;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A load driver, not part of the normal run: {@code -Ddrift.ingest.load=true} makes 20 HTTP clients post distinct
 * Config changes for a while and prints the accepted requests per second. It asserts only that every post was
 * answered 202 and stored once; the rate is printed, never asserted.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "drift.ingest.load", matches = "true")
class IngestLoadDriver {

    private static final int CLIENTS = 20;

    @TestHTTPResource("/ingest/aws/events")
    URL ingest;

    @Inject
    Pool pool;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    @Test
    void twentyClientsPostConfigChanges() throws Exception {
        Duration warmUp = Duration.ofSeconds(Long.getLong("drift.ingest.load.warmup", 5));
        Duration measure = Duration.ofSeconds(Long.getLong("drift.ingest.load.seconds", 15));
        String run = UUID.randomUUID().toString().substring(0, 8);
        String template = Samples.roleChange("load-" + run, Instant.now(), 1).toString();
        String templateId = Samples.JSON.readTree(template).get("id").asText();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong sequence = new AtomicLong();
        AtomicLong measured = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                while (System.nanoTime() < end) {
                    String body = template.replace(templateId, run + "-" + sequence.incrementAndGet());
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(ingest.toString()))
                            .header(Api.API_KEY_HEADER, "test-key-current").header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 202) {
                        refused.incrementAndGet();
                    } else if (System.nanoTime() >= measureFrom) {
                        measured.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        System.out.printf("INGEST LOAD: %d clients, %.1f accepted requests/s over %d s (%d in total, %d refused)%n",
                CLIENTS, measured.get() / (double) measure.toSeconds(), measure.toSeconds(), sequence.get(),
                refused.get());
        var batches = registry.find("accessloop_ingest_batch_size").summary();
        var commits = registry.find("accessloop_ingest_commit_seconds").timer();
        System.out.printf("INGEST LOAD: %d transactions, %.1f notifications each on average, %.1f ms per transaction%n",
                batches.count(), batches.mean(), commits.mean(java.util.concurrent.TimeUnit.MILLISECONDS));
        assertThat(refused.get()).isZero();
        long stored = pool.preparedQuery("select count(*) from raw_event where source_id like $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(run + "-%")).await().indefinitely()
                .iterator().next().getLong(0);
        assertThat(stored).isEqualTo(sequence.get());
    }

    /**
     * Firehose deliveries: {@code drift.ingest.load.firehose.clients} clients (default 4) post deliveries of
     * {@code drift.ingest.load.firehose.records} distinct Config changes (default 200, the test profile's limit) and
     * the changes stored per second are printed, never asserted.
     */
    @Test
    void firehoseDeliveriesOfConfigChanges() throws Exception {
        int clientCount = Integer.getInteger("drift.ingest.load.firehose.clients", 4);
        int perDelivery = Integer.getInteger("drift.ingest.load.firehose.records", 200);
        Duration measure = Duration.ofSeconds(Long.getLong("drift.ingest.load.seconds", 15));
        String run = UUID.randomUUID().toString().substring(0, 8);
        String template = Samples.roleChange("fhload-" + run, Instant.now(), 1).toString();
        String templateId = Samples.JSON.readTree(template).get("id").asText();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong sequence = new AtomicLong();
        AtomicLong stored = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long end = System.nanoTime() + measure.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(clientCount);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clientCount; c++) {
            running.add(clients.submit(() -> {
                while (System.nanoTime() < end) {
                    StringBuilder body = new StringBuilder("{\"requestId\":\"").append(UUID.randomUUID())
                            .append("\",\"timestamp\":").append(System.currentTimeMillis()).append(",\"records\":[");
                    for (int i = 0; i < perDelivery; i++) {
                        String event = template.replace(templateId, run + "-" + sequence.incrementAndGet()) + "\n";
                        body.append(i == 0 ? "" : ",").append("{\"data\":\"").append(java.util.Base64.getEncoder()
                                .encodeToString(event.getBytes(java.nio.charset.StandardCharsets.UTF_8))).append("\"}");
                    }
                    body.append("]}");
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(ingest.toString()))
                            .header("X-Amz-Firehose-Protocol-Version", "1.0")
                            .header("X-Amz-Firehose-Request-Id", UUID.randomUUID().toString())
                            .header("X-Amz-Firehose-Access-Key", "test-key-current")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200) {
                        stored.addAndGet(perDelivery);
                    } else {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        System.out.printf("FIREHOSE LOAD: %d clients, deliveries of %d, %.1f changes stored/s over %d s (%d refused)%n",
                clientCount, perDelivery, stored.get() / (double) measure.toSeconds(), measure.toSeconds(),
                refused.get());
        assertThat(refused.get()).isZero();
        long rows = pool.preparedQuery("select count(*) from raw_event where source_id like $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(run + "-%")).await().indefinitely()
                .iterator().next().getLong(0);
        assertThat(rows).isEqualTo(stored.get());
    }

    /** Config change pushed → its finding's event accepted by the broker (outbox row marked sent), one at a time. */
    @Test
    void configChangeToPublishedFinding() throws Exception {
        int n = Integer.getInteger("drift.ingest.load.changes", 30);
        // changes share one queue: a backlog left by the throughput driver would be measured instead of the path
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> pool.query("select count(*) from raw_event where processed_at is null").execute()
                        .await().indefinitely().iterator().next().getLong(0) == 0);
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < n + 5; i++) {
            String role = "latency-" + UUID.randomUUID().toString().substring(0, 8);
            var change = Samples.roleChange(role, Instant.now(), 1);
            Samples.attach(change, "AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess");
            String arn = "arn:aws:iam::000000000000:role/" + role;
            long t0 = System.nanoTime();
            Api.push(change).statusCode(202);
            while (sentFindings(arn) == 0) {
                if (System.nanoTime() - t0 > Duration.ofSeconds(30).toNanos()) {
                    throw new AssertionError("no finding event published for " + arn + " within 30 s");
                }
                Thread.sleep(2);
            }
            if (i >= 5) {
                millis.add((System.nanoTime() - t0) / 1_000_000);
            }
        }
        millis.sort(Long::compare);
        System.out.printf("CHANGE TO FINDING EVENT: %d changes, p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n", n,
                millis.get(n / 2), millis.get((int) Math.ceil(n * 0.95) - 1), millis.get((int) Math.ceil(n * 0.99) - 1),
                millis.get(n - 1));
        assertThat(millis).hasSize(n);
    }

    private long sentFindings(String arn) {
        return pool.preparedQuery("select count(*) from outbox_event o join finding f on o.subject = f.id "
                        + "where f.principal_arn = $1 and o.type = $2 and o.sent_at is not null")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(arn, io.accessloop.contracts.EventTypes.FINDING_OPENED.type()))
                .await().indefinitely().iterator().next().getLong(0);
    }
}

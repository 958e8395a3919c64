package io.accessloop.drift.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.drift.Api;
import io.accessloop.drift.Samples;
import io.accessloop.drift.ingest.domain.Notification;
import io.accessloop.drift.ingest.service.IngestService;
import io.accessloop.drift.ingest.service.IngestService.Accepted;
import io.accessloop.drift.ingest.service.IngestService.Submission;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

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
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Concurrent pushes share transactions: nothing lost, nothing stored twice, one bad push fails alone. */
@QuarkusTest
class IngestBatchTest {

    @TestHTTPResource("/ingest/aws/events")
    URL ingest;

    @Inject
    Pool pool;

    @Inject
    IngestService service;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aBurstOfConcurrentPushesIsStoredQueuedAndProcessedExactlyOnceEach() {
        String run = "burst-" + UUID.randomUUID().toString().substring(0, 8);
        int n = 60;
        List<String> bodies = IntStream.range(0, n)
                .mapToObj(i -> Samples.roleChange(run + "-" + i, Instant.now(), 1).toString()).toList();
        List<HttpResponse<String>> answers = postAll(bodies);

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(202));
        List<String> ids = answers.stream().map(a -> json(a).get("rawEventId").asText()).toList();
        assertThat(answers).allSatisfy(a -> assertThat(json(a).get("status").asText()).isEqualTo("accepted"));
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).startsWith("evt_"));
        assertThat(count("select count(*) from raw_event where id = any($1)", ids)).isEqualTo(n);
        assertThat(count("select count(*) from outbox_event where subject = any($1) and type = "
                + "'io.accessloop.aws.change.received.v1'", ids)).isEqualTo(n);
        await().atMost(Duration.ofSeconds(120)).until(() ->
                count("select count(*) from raw_event where id = any($1) and processed_at is not null", ids) == n);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from iam_resource where name like $1",
                run + "-%") == n);
    }

    @Test
    void theSameNotificationPushedConcurrentlyIsStoredAndQueuedOnceAndEveryPushNamesTheSameRow() throws Exception {
        String body = Samples.roleChange("twin-" + UUID.randomUUID().toString().substring(0, 8), Instant.now(), 1)
                .toString();
        List<HttpResponse<String>> answers = postAll(java.util.Collections.nCopies(12, body));

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(202));
        assertThat(answers.stream().map(a -> json(a).get("rawEventId").asText()).distinct()).hasSize(1);
        assertThat(answers.stream().filter(a -> json(a).get("status").asText().equals("accepted"))).hasSize(1);
        assertThat(answers.stream().filter(a -> json(a).get("status").asText().equals("duplicate"))).hasSize(11);
        String id = json(answers.get(0)).get("rawEventId").asText();
        assertThat(count("select count(*) from outbox_event where subject = any($1)", List.of(id))).isEqualTo(1);
        String sourceId = Samples.JSON.readTree(body).get("id").asText();
        assertThat(count("select count(*) from raw_event where source_id = any($1)", List.of(sourceId))).isEqualTo(1);
    }

    @Test
    void duplicatesInsideOneBatchAndAcrossBatchesGetTheFirstRowsId() {
        String a = "src-" + UUID.randomUUID();
        String b = "src-" + UUID.randomUUID();
        List<Accepted> first = service.storeAll(List.of(submission(a), submission(a), submission(b)))
                .await().atMost(Duration.ofSeconds(30));

        assertThat(first.get(0).duplicate()).isFalse();
        assertThat(first.get(1)).isEqualTo(new Accepted(first.get(0).rawEventId(), true));
        assertThat(first.get(2).duplicate()).isFalse();
        assertThat(first.get(2).rawEventId()).isNotEqualTo(first.get(0).rawEventId());

        List<Accepted> second = service.storeAll(List.of(submission(b), submission(a)))
                .await().atMost(Duration.ofSeconds(30));
        assertThat(second).containsExactly(new Accepted(first.get(2).rawEventId(), true),
                new Accepted(first.get(0).rawEventId(), true));
        assertThat(count("select count(*) from raw_event where source_id = any($1)", List.of(a, b))).isEqualTo(2);
        assertThat(count("select count(*) from outbox_event where subject = any($1)",
                List.of(first.get(0).rawEventId(), first.get(2).rawEventId()))).isEqualTo(2);
    }

    @Test
    void oneMalformedPushInABurstGetsItsOwn400AndTheOthersAreStored() {
        String run = "mixed-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            bodies.add(Samples.roleChange(run + "-" + i, Instant.now(), 1).toString());
        }
        ObjectNode broken = Samples.roleChange(run + "-broken", Instant.now(), 1);
        Samples.item(broken).put("configurationItemCaptureTime", "yesterday");
        bodies.add(6, broken.toString());
        List<HttpResponse<String>> answers = postAll(bodies);

        HttpResponse<String> refused = answers.get(6);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("configurationItemCaptureTime");
        List<HttpResponse<String>> others = new ArrayList<>(answers);
        others.remove(6);
        assertThat(others).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(202));
        assertThat(count("select count(*) from raw_event where source_id = any($1)",
                List.of(broken.get("id").asText()))).isZero();
        assertThat(count("select count(*) from raw_event where id = any($1)",
                others.stream().map(a -> json(a).get("rawEventId").asText()).toList())).isEqualTo(12);
    }

    @Test
    void aRowTheDatabaseRefusesFailsOnlyItsOwnPushAndTheRestOfItsBatchIsStored() {
        List<String> sources = new ArrayList<>();
        List<Uni<Accepted>> pushes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String source = "row-" + UUID.randomUUID();
            sources.add(source);
            // PostgreSQL text cannot hold U+0000: that row's insert fails with SQLSTATE 22021
            String body = i == 7 ? "{\"bad\":\"\u0000\"}" : change(source);
            pushes.add(service.store(notification(source), body));
        }
        List<CompletableFuture<Accepted>> running = pushes.stream().map(p -> p.subscribe().asCompletionStage()).toList();

        for (int i = 0; i < running.size(); i++) {
            CompletableFuture<Accepted> answer = running.get(i);
            if (i == 7) {
                assertThat(answer).failsWithin(Duration.ofSeconds(30));
            } else {
                assertThat(answer).succeedsWithin(Duration.ofSeconds(30))
                        .satisfies(accepted -> assertThat(accepted.duplicate()).isFalse());
            }
        }
        List<String> stored = new ArrayList<>(sources);
        stored.remove(7);
        assertThat(count("select count(*) from raw_event where source_id = any($1)", stored)).isEqualTo(9);
        assertThat(count("select count(*) from raw_event where source_id = any($1)", List.of(sources.get(7)))).isZero();
    }

    /** A stored submission the consumer can process like any pushed change (it does, once it is queued). */
    private static Submission submission(String sourceId) {
        return new Submission("evt_" + UUID.randomUUID(), sourceId, "config", Samples.ACCOUNT, change(sourceId),
                Instant.now());
    }

    private static String change(String sourceId) {
        ObjectNode event = Samples.roleChange("stored-" + sourceId.substring(sourceId.length() - 8), Instant.now(), 1);
        return event.put("id", sourceId).toString();
    }

    private static Notification notification(String sourceId) {
        return new Notification.ConfigItemChange(sourceId, Samples.ACCOUNT, null, null, null);
    }

    private List<HttpResponse<String>> postAll(List<String> bodies) {
        List<CompletableFuture<HttpResponse<String>>> sent = bodies.stream().map(body -> http.sendAsync(
                HttpRequest.newBuilder(URI.create(ingest.toString())).header(Api.API_KEY_HEADER, "test-key-current")
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString())).toList();
        return sent.stream().map(CompletableFuture::join).toList();
    }

    private static JsonNode json(HttpResponse<String> answer) {
        try {
            return Samples.JSON.readTree(answer.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(answer.body(), e);
        }
    }

    private long count(String sql, Object parameter) {
        Object value = parameter instanceof List<?> list ? list.toArray(new String[0]) : parameter;
        return pool.preparedQuery(sql).execute(Tuple.of(value)).await().atMost(Duration.ofSeconds(30))
                .iterator().next().getLong(0);
    }
}

package io.accessloop.kit.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.testsupport.SandboxResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service's own meters reach CloudWatch (the aws-sandbox's recording of PutMetricData) and nothing else does.
 * Micrometer names a counter {@code <name>.count}, a gauge {@code <name>.value} and a timer {@code <name>.sum|count|avg|max}.
 */
@QuarkusTest
@QuarkusTestResource(SandboxResource.class)
class CloudWatchPublishingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Micrometer holds a gauge's object weakly; this keeps it alive for the test. */
    private static final List<String> OPEN = List.of("x", "y");

    @Inject
    MeterRegistry meters;

    @Inject
    CloudWatchPublishing publishing;

    @Test
    void accessloopMetersArriveInTheNamespaceWithTheServiceDimension() {
        assertThat(publishing.publishing()).isTrue();
        meters.counter("accessloop_probe_published_total", "kind", "test").increment(3);
        meters.timer("accessloop_probe_latency_seconds").record(Duration.ofMillis(250));
        meters.gauge("accessloop_probe_open", OPEN, List::size);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            double counted = sum(data("accessloop_probe_published_total.count"));
            assertThat(counted).isEqualTo(3.0);
        });
        JsonNode counter = data("accessloop_probe_published_total.count").get(0);
        assertThat(counter.at("/namespace").asText()).isEqualTo("Accessloop");
        assertThat(counter.at("/dimensions/service").asText()).isEqualTo("service-kit");
        assertThat(counter.at("/dimensions/kind").asText()).isEqualTo("test");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(data("accessloop_probe_latency_seconds.max")).isNotEmpty());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(data("accessloop_probe_open.value")).extracting(d -> d.at("/maximum").asDouble())
                        .contains(2.0));
        JsonNode max = data("accessloop_probe_latency_seconds.max").get(0);
        assertThat(max.at("/unit").asText()).isEqualTo("Milliseconds");
        assertThat(max.at("/values/0").asDouble(max.at("/maximum").asDouble())).isEqualTo(250.0);
    }

    @Test
    void theJvmAndHttpInternalsStayOutOfCloudWatch() {
        await().atMost(Duration.ofSeconds(30)).until(() -> !all().isEmpty());
        assertThat(all()).extracting(m -> m.at("/metricName").asText())
                .allMatch(name -> name.startsWith("accessloop_"), "starts with accessloop_");
    }

    private static double sum(List<JsonNode> data) {
        return data.stream().mapToDouble(d -> d.at("/sum").isMissingNode() || d.at("/sum").isNull()
                ? sumOfValues(d) : d.at("/sum").asDouble()).sum();
    }

    private static double sumOfValues(JsonNode datum) {
        double total = 0;
        for (int i = 0; i < datum.at("/values").size(); i++) {
            total += datum.at("/values/" + i).asDouble() * datum.at("/counts").path(i).asDouble(1);
        }
        return total;
    }

    private static List<JsonNode> data(String metricName) {
        return metrics("?namespace=Accessloop&metricName=" + metricName);
    }

    private static List<JsonNode> all() {
        return metrics("?namespace=Accessloop");
    }

    private static List<JsonNode> metrics(String query) {
        URI uri = SandboxResource.endpoint().resolve("/_sandbox/cloudwatch/metrics" + query);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            List<JsonNode> found = new ArrayList<>();
            JSON.readTree(response.body()).path("metrics").forEach(found::add);
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

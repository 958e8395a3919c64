package io.accessloop.kit.outbox;

import io.accessloop.testsupport.ArtemisResource;
import io.accessloop.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load driver for the relay, off by default: {@code -Daccessloop.load=true}, optionally
 * {@code -Daccessloop.load.events=5000 -Daccessloop.load.subjects=1000}. It appends a backlog whose subjects take
 * turns (as drift's findings and principals do), then drives relay passes until the backlog is sent and prints the
 * rate. It asserts only that everything was sent; the rate depends on the machine and is printed, never asserted.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "kit"))
@QuarkusTestResource(ArtemisResource.class)
@EnabledIfSystemProperty(named = "accessloop.load", matches = "true")
class OutboxRelayLoadTest {

    private static final int APPEND_CHUNK = 1_000;
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @Inject
    OutboxRelay relay;

    @Test
    void relayThroughputOverABacklogOfInterleavedSubjects() {
        int events = Integer.getInteger("accessloop.load.events", 5_000);
        int subjects = Integer.getInteger("accessloop.load.subjects", 1_000);
        drain();
        append("warm_", 1_000, 100);
        drain();

        String prefix = "load_" + System.nanoTime() + "_";
        append(prefix, events, subjects);
        long started = System.nanoTime();
        int passes = drain();
        long elapsedNanos = System.nanoTime() - started;

        assertThat(unsent(prefix + "%")).isZero();
        double seconds = elapsedNanos / 1e9;
        System.out.printf("OUTBOX RELAY LOAD: %d events over %d subjects sent in %.2f s, %d passes: %.0f events/s%n",
                events, subjects, seconds, passes, events / seconds);
    }

    private static void append(String prefix, int events, int subjects) {
        for (int from = 0; from < events; from += APPEND_CHUNK) {
            int count = Math.min(APPEND_CHUNK, events - from);
            given().post("/probe/append/" + prefix + "/" + count + "/" + subjects).then().statusCode(200);
        }
    }

    /** Runs passes until one sends nothing; returns how many passes sent something. */
    private int drain() {
        int passes = 0;
        while (relay.publishPending().await().atMost(PATIENCE) > 0) {
            passes++;
        }
        return passes;
    }

    private static long unsent(String subjectPattern) {
        return KitDb.count("select count(*) from outbox_event where sent_at is null and subject like ?",
                subjectPattern);
    }
}

package io.accessloop.bench.load;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AsyncLoadTest {

    private static final int IN_FLIGHT = 8;
    private static Vertx vertx;
    private static HttpServer server;
    private static final List<HttpServerRequest> held = new ArrayList<>();
    private static boolean released;
    private static final AtomicLong answered = new AtomicLong();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> {
            switch (request.path()) {
                // answers nothing until IN_FLIGHT requests wait at once: only a driver with that many in flight gets on
                case "/together" -> {
                    if (released) {
                        request.response().setStatusCode(202).end();
                        return;
                    }
                    held.add(request);
                    if (held.size() == IN_FLIGHT) {
                        released = true;
                        held.forEach(waiting -> waiting.response().setStatusCode(202).end());
                    }
                }
                // accepted, busy and broken in turn
                case "/mixed" -> {
                    long n = answered.getAndIncrement() % 3;
                    request.response().setStatusCode(n == 0 ? 202 : n == 1 ? 503 : 500).end(n == 2 ? "boom" : "");
                }
                default -> request.response().setStatusCode(404).end();
            }
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void keepsTheRequestedNumberOfRequestsInFlightAtOnce() throws Exception {
        try (AsyncLoad load = new AsyncLoad(URI.create("http://127.0.0.1:" + server.actualPort()), IN_FLIGHT)) {
            AsyncLoad.Outcome outcome = load.run(() -> AsyncLoad.Request.get("/together", 202), false,
                    Duration.ZERO, Duration.ofMillis(300));

            assertThat(released).isTrue();
            assertThat(outcome.accepted().calls()).isGreaterThanOrEqualTo(IN_FLIGHT);
            assertThat(outcome.busy()).isZero();
            assertThat(outcome.failed()).isZero();
            assertThat(outcome.driverCores()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void sortsAnswersIntoAcceptedBusyAndOtherFailuresAndKeepsTheFirstFailure() throws Exception {
        try (AsyncLoad load = new AsyncLoad(URI.create("http://127.0.0.1:" + server.actualPort()), IN_FLIGHT)) {
            AsyncLoad.Outcome outcome = load.run(() -> AsyncLoad.Request.get("/mixed", 202), true,
                    Duration.ofMillis(50), Duration.ofMillis(300));

            long accepted = outcome.accepted().calls();
            assertThat(accepted).isPositive();
            assertThat(Math.abs(outcome.busy() - accepted)).isLessThanOrEqualTo(1);
            assertThat(Math.abs(outcome.failed() - accepted)).isLessThanOrEqualTo(1);
            assertThat(outcome.accepted().failures()).isEqualTo(outcome.busy() + outcome.failed());
            assertThat(outcome.firstFailure()).isEqualTo("HTTP 500: boom");
        }
    }

    @Test
    void aServerThatIsNotThereGivesOnlyFailuresWithTheReason() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (AsyncLoad load = new AsyncLoad(URI.create("http://127.0.0.1:" + closedPort), 2)) {
            AsyncLoad.Outcome outcome = load.run(() -> AsyncLoad.Request.get("/", 200), false,
                    Duration.ZERO, Duration.ofMillis(200));

            assertThat(outcome.accepted().calls()).isZero();
            assertThat(outcome.failed()).isPositive();
            assertThat(outcome.firstFailure()).containsIgnoringCase("refused");
        }
    }

    @Test
    void refusesNoRequestsInFlight() {
        assertThatThrownBy(() -> new AsyncLoad(URI.create("http://127.0.0.1:1"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inFlight");
    }
}

package io.accessloop.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * Many requests in flight at once, the way EventBridge API destinations and Firehose push: {@code inFlight} pushers
 * on one Vert.x event-loop thread over a pool of as many HTTP/1.1 keep-alive connections; each pusher sends its next
 * request as soon as its previous one is answered, so no thread waits per request. Answers are sorted into accepted
 * (latency recorded), busy (503) and other failures. The driver's own cost is measured too: the CPU time of this JVM
 * over the measured window, in cores, since the driver shares the machine with the server it measures.
 */
public final class AsyncLoad implements AutoCloseable {

    private final Vertx vertx;
    private final HttpClient client;
    private final int inFlight;

    public AsyncLoad(URI server, int inFlight) {
        if (inFlight < 1) {
            throw new IllegalArgumentException("inFlight must be at least 1, was " + inFlight);
        }
        this.inFlight = inFlight;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2)
                .setInternalBlockingPoolSize(1).setBlockedThreadCheckInterval(60_000));
        this.client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(server.getHost())
                        .setDefaultPort(server.getPort()).setKeepAlive(true).setPipelining(false).setConnectTimeout(5_000),
                new PoolOptions().setHttp1MaxSize(inFlight).setMaxWaitQueueSize(-1));
    }

    /** One request, and how to tell that its answer accepted it. */
    public record Request(HttpMethod method, String path, Map<String, String> headers, Buffer body,
                          BiPredicate<Integer, Buffer> accepted) {

        public static Request get(String path, int expectedStatus) {
            return new Request(HttpMethod.GET, path, Map.of(), null, (status, body) -> status == expectedStatus);
        }
    }

    /** What one measured window gave. */
    public record Outcome(LatencyRecorder.Summary accepted, long busy, long failed, String firstFailure,
                          double driverCores, double seconds) {

        /** The driver's CPU time per answered request, in microseconds. */
        public double driverMicrosPerCall() {
            long answered = accepted.calls() + busy + failed;
            return answered == 0 ? Double.NaN : driverCores * seconds * 1e6 / answered;
        }
    }

    /**
     * Runs the pushers for {@code warmUp} (not recorded), then for {@code measure}. {@code requests} is called once per
     * request; with {@code prepareOffLoop} it runs on a worker thread (large bodies must not stall the event loop).
     */
    public Outcome run(Supplier<Request> requests, boolean prepareOffLoop, Duration warmUp, Duration measure)
            throws InterruptedException {
        window(requests, prepareOffLoop, warmUp, 1);
        return window(requests, prepareOffLoop, measure, 5_000_000);
    }

    private Outcome window(Supplier<Request> requests, boolean prepareOffLoop, Duration length, int capacity)
            throws InterruptedException {
        Window window = new Window(System.nanoTime() + length.toNanos(), new LatencyRecorder(capacity), inFlight);
        long cpu0 = processCpuNanos();
        long start = System.nanoTime();
        vertx.runOnContext(ignored -> {
            for (int i = 0; i < inFlight; i++) {
                push(window, requests, prepareOffLoop);
            }
        });
        if (!window.done.await(length.toSeconds() + 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException(window.done.getCount() + " of " + inFlight + " pushers still waiting for an "
                    + "answer two minutes after the window ended");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cores = (processCpuNanos() - cpu0) / 1e9 / seconds;
        return new Outcome(window.recorder.summarise(seconds), window.busy, window.failed, window.firstFailure.get(),
                cores, seconds);
    }

    private void push(Window window, Supplier<Request> requests, boolean prepareOffLoop) {
        if (System.nanoTime() >= window.end) {
            window.done.countDown();
            return;
        }
        Future<Request> next = prepareOffLoop ? vertx.executeBlocking(requests::get, false)
                : Future.succeededFuture(requests.get());
        next.onComplete(prepared -> {
            if (prepared.failed()) {
                window.failure(prepared.cause().toString());
                push(window, requests, prepareOffLoop);
                return;
            }
            Request request = prepared.result();
            long t0 = System.nanoTime();
            RequestOptions options = new RequestOptions().setMethod(request.method()).setURI(request.path())
                    .setIdleTimeout(30_000);
            request.headers().forEach(options::putHeader);
            client.request(options)
                    .compose(call -> request.body() == null ? call.send() : call.send(request.body()))
                    .compose(answer -> answer.body().map(body -> {
                        window.answer(answer.statusCode(), body, request, System.nanoTime() - t0);
                        return body;
                    }))
                    .onComplete(done -> {
                        if (done.failed()) {
                            window.failure(done.cause().toString());
                        }
                        push(window, requests, prepareOffLoop);
                    });
        });
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    @Override
    public void close() {
        client.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** One window's counters; touched only from the event loop, except the recorder (synchronised). */
    private static final class Window {

        final long end;
        final LatencyRecorder recorder;
        final CountDownLatch done;
        final AtomicReference<String> firstFailure = new AtomicReference<>();
        volatile long busy;
        volatile long failed;

        Window(long end, LatencyRecorder recorder, int pushers) {
            this.end = end;
            this.recorder = recorder;
            this.done = new CountDownLatch(pushers);
        }

        void answer(int status, Buffer body, Request request, long nanos) {
            if (request.accepted().test(status, body)) {
                recorder.record(nanos, true);
            } else if (status == 503) {
                busy++;
                recorder.record(nanos, false);
            } else {
                failure("HTTP " + status + ": " + abbreviate(body.toString()));
            }
        }

        void failure(String what) {
            failed++;
            recorder.record(0, false);
            firstFailure.compareAndSet(null, what);
        }

        private static String abbreviate(String text) {
            return text.length() > 200 ? text.substring(0, 200) + "…" : text;
        }
    }
}

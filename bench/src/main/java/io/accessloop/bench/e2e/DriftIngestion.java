package io.accessloop.bench.e2e;

import io.accessloop.bench.load.AsyncLoad;
import io.accessloop.bench.load.LoadResults;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained ingestion of Config changes into drift's {@code POST /ingest/aws/events}, the two ways AWS delivers
 * them, and how fast drift then processes what it accepted:
 * <ul>
 * <li>single-event pushes as EventBridge API destinations send them: {@value #IN_FLIGHT} requests in flight
 * ({@link AsyncLoad}), one distinct event each; baseline: the same driver on drift's liveness probe, same run;</li>
 * <li>Firehose HTTP-endpoint deliveries (the judged figure: AWS's path for events in volume; an API destination
 * sends at most 300 invocations/s by default): {@value #FIREHOSE_STREAMS} streams, each with one delivery of
 * {@value #FIREHOSE_RECORDS} distinct events in flight; skipped, with a note, when drift does not acknowledge
 * Firehose's protocol;</li>
 * <li>processing: drift's processed raw events (its inbox) while the load runs, and the drain after it.</li>
 * </ul>
 * It leaves a backlog behind, so bench/run.sh runs it last.
 */
final class DriftIngestion {

    static final int IN_FLIGHT = 128;
    static final int FIREHOSE_STREAMS = 4;
    static final int FIREHOSE_RECORDS = 500;
    private static final String PATH = "/ingest/aws/events";

    private DriftIngestion() {
    }

    static void run(Context ctx) throws Exception {
        // drift runs on a fresh local run here: a longer warm-up lets its ingest path (and this driver) be compiled
        Duration warmUp = Duration.ofSeconds(ctx.full ? 10 : 4);
        Duration measure = Duration.ofSeconds(ctx.full ? 30 : 5);
        String template = ConfigChanges.roleChange();
        AtomicLong sequence = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        long before = processed(ctx);
        long loadStart;
        try (AsyncLoad load = new AsyncLoad(ctx.stack.drift(), IN_FLIGHT)) {
            AsyncLoad.Outcome live = load.run(() -> AsyncLoad.Request.get("/q/health/live", 200), false,
                    Duration.ofSeconds(2), Duration.ofSeconds(ctx.full ? 10 : 3));
            loadStart = System.nanoTime();
            AsyncLoad.Outcome pushes = load.run(() -> new AsyncLoad.Request(HttpMethod.POST, PATH,
                    Map.of("Content-Type", "application/json", LocalStack.INGEST_HEADER, LocalStack.INGEST_KEY),
                    Buffer.buffer(ConfigChanges.fill(template, sequence.incrementAndGet(), ctx.run)),
                    (status, body) -> status == 202 && accepted.incrementAndGet() > 0), false, warmUp, measure);
            String params = "inFlight=" + IN_FLIGHT;
            add(ctx, "baselineLivenessProbe", params, live);
            add(ctx, "ingestConfigChange", params, pushes);
            ctx.note("DriftIngestion.ingestConfigChange", String.format(Locale.ROOT, "single-event pushes, %d in flight "
                            + "over %d HTTP/1.1 connections (one Vert.x event loop); %d answered 503 busy, %d other "
                            + "failures%s; the driver itself used %.2f cores (%.0f µs CPU per request) against %.2f cores "
                            + "(%.0f µs) on the liveness probe", IN_FLIGHT, IN_FLIGHT, pushes.busy(), pushes.failed(),
                    pushes.firstFailure() == null ? "" : " (first: " + pushes.firstFailure() + ")", pushes.driverCores(),
                    pushes.driverMicrosPerCall(), live.driverCores(), live.driverMicrosPerCall()));
        }
        // the judged figure: held twice as long in short mode, so that "sustained" covers more than one burst
        firehose(ctx, template, sequence, accepted, warmUp, ctx.full ? measure : measure.multipliedBy(2));
        processing(ctx, before, accepted.get(), loadStart);
    }

    private static void firehose(Context ctx, String template, AtomicLong sequence, AtomicLong accepted,
                                 Duration warmUp, Duration measure) throws Exception {
        String refusal = firehoseRefusal(ctx, template, sequence, accepted);
        if (refusal != null) {
            ctx.note("DriftFirehose", "skipped: drift did not acknowledge a 2-record Firehose HTTP-endpoint delivery ("
                    + refusal + "), so this build does not take Firehose deliveries on POST " + PATH);
            return;
        }
        try (AsyncLoad load = new AsyncLoad(ctx.stack.drift(), FIREHOSE_STREAMS)) {
            AsyncLoad.Outcome deliveries = load.run(() -> {
                FirehoseDelivery delivery = delivery(template, sequence, ctx.run, FIREHOSE_RECORDS);
                return new AsyncLoad.Request(HttpMethod.POST, PATH, delivery.headers(LocalStack.INGEST_KEY),
                        Buffer.buffer(delivery.body()), (status, body) -> delivery.acknowledgedBy(status, body.toString())
                        && accepted.addAndGet(FIREHOSE_RECORDS) > 0);
            }, true, warmUp, measure);
            String params = "streams=" + FIREHOSE_STREAMS + ", records=" + FIREHOSE_RECORDS;
            LoadResults.single(ctx.rows, "e2e.DriftFirehose.firehoseChanges", params,
                    deliveries.accepted().perSecond() * FIREHOSE_RECORDS, "changes/s");
            add(ctx, "DriftFirehose", "firehoseDelivery", params, deliveries);
            ctx.note("DriftFirehose.firehoseChanges", String.format(Locale.ROOT, "%d Firehose streams, each with one "
                            + "delivery of %d distinct events in flight; %d deliveries acknowledged, %d answered 503, "
                            + "%d other failures%s; the driver used %.2f cores, bodies built off its event loop",
                    FIREHOSE_STREAMS, FIREHOSE_RECORDS, deliveries.accepted().calls(), deliveries.busy(),
                    deliveries.failed(), deliveries.firstFailure() == null ? "" : " (first: " + deliveries.firstFailure()
                            + ")", deliveries.driverCores()));
        }
    }

    /** One small delivery first: null when drift acknowledges it, else what it answered. */
    private static String firehoseRefusal(Context ctx, String template, AtomicLong sequence, AtomicLong accepted) {
        FirehoseDelivery probe = delivery(template, sequence, ctx.run, 2);
        var request = java.net.http.HttpRequest.newBuilder(ctx.stack.drift().resolve(PATH))
                .timeout(Duration.ofSeconds(30)).POST(java.net.http.HttpRequest.BodyPublishers.ofString(probe.body()));
        probe.headers(LocalStack.INGEST_KEY).forEach(request::header);
        var answer = ctx.http.send(request.build());
        if (probe.acknowledgedBy(answer.statusCode(), answer.body())) {
            accepted.addAndGet(probe.events().size());
            return null;
        }
        return "answered " + answer.statusCode() + ": " + Http.abbreviate(answer.body());
    }

    private static FirehoseDelivery delivery(String template, AtomicLong sequence, String run, int records) {
        List<String> events = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            events.add(ConfigChanges.fill(template, sequence.incrementAndGet(), run));
        }
        return new FirehoseDelivery(UUID.randomUUID().toString(), System.currentTimeMillis(), events);
    }

    /**
     * Processing of everything accepted since {@code loadStart}: the rate while the load ran, the drain after it
     * (bounded: a slow drain is reported with what is left, never waited out), and one rate over both.
     */
    private static void processing(Context ctx, long before, long accepted, long loadStart) {
        long loadEnd = System.nanoTime();
        double loadSeconds = (loadEnd - loadStart) / 1e9;
        long duringLoad = processed(ctx) - before;
        Duration wait = Duration.ofSeconds(ctx.full ? 600 : 20);
        long drained = Poll.until(() -> processed(ctx) - before >= accepted, wait, 500);
        double drainSeconds = ((drained < 0 ? System.nanoTime() : drained) - loadEnd) / 1e9;
        long done = processed(ctx) - before;
        double rate = done / (loadSeconds + drainSeconds);
        String params = "accepted=" + accepted;
        LoadResults.single(ctx.rows, "e2e.DriftProcessing.processingRate", params, rate, "changes/s");
        LoadResults.single(ctx.rows, "e2e.DriftProcessing.processedDuringLoad", params, duringLoad / loadSeconds,
                "changes/s");
        LoadResults.single(ctx.rows, "e2e.DriftProcessing.drainAfterLoad", drained < 0 ? params + ", unfinished=true"
                : params, drainSeconds, "s");
        double drainRate = (done - duringLoad) / drainSeconds;
        ctx.note("DriftProcessing.processingRate", drained < 0
                ? String.format(Locale.ROOT, "NOT drained: %d of %d accepted changes still unprocessed when the %d s "
                        + "wait ended; %d processed during the %.1f s of load (%.0f/s) and %d in the %.1f s after it "
                        + "(%.0f/s); at that rate the rest would take about %.0f s more (projected, not measured)",
                accepted - done, accepted, wait.toSeconds(), duringLoad, loadSeconds, duringLoad / loadSeconds,
                done - duringLoad, drainSeconds, drainRate, drainRate > 0 ? (accepted - done) / drainRate : Double.NaN)
                : String.format(Locale.ROOT, "all %d accepted changes processed %.1f s after the load ended; %d of them "
                        + "during the %.1f s of load (%.0f/s); rate = processed / (load + drain time)",
                accepted, drainSeconds, duringLoad, loadSeconds, duringLoad / loadSeconds));
    }

    private static void add(Context ctx, String method, String params, AsyncLoad.Outcome outcome) {
        add(ctx, "DriftIngestion", method, params, outcome);
    }

    private static void add(Context ctx, String group, String method, String params, AsyncLoad.Outcome outcome) {
        String name = "e2e." + group + "." + method;
        LoadResults.add(ctx.rows, name, params, outcome.accepted());
        LoadResults.single(ctx.rows, name + "Busy", params, outcome.busy(), "answers");
        LoadResults.single(ctx.rows, name + "Failed", params, outcome.failed(), "answers");
        LoadResults.single(ctx.rows, name + "DriverCores", params, outcome.driverCores(), "cores");
    }

    /** Raw events drift has processed (its inbox on accessloop.aws.changes). */
    private static long processed(Context ctx) {
        try {
            return ctx.db.count("drift", "select count(*) from inbox_event where type like ?", "io.accessloop.aws.%");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

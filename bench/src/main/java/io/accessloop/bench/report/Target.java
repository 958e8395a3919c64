package io.accessloop.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A number we hold ourselves to (DESIGN §8 and the issues), the one benchmark row that judges it, and whether the
 * measured figure meets it. A target whose row is missing says why, from the drivers' notes. Other measurements of
 * the same thing ({@link Also}) are shown beside the verdict, never judged.
 */
record Target(String what, String goal, String benchmark, String params, boolean atLeast, double limit,
              String pathWhenMissed, List<Also> also) {

    Target(String what, String goal, String benchmark, String params, boolean atLeast, double limit) {
        this(what, goal, benchmark, params, atLeast, limit, null, List.of());
    }

    Target(String what, String goal, String benchmark, String params, boolean atLeast, double limit,
           String pathWhenMissed) {
        this(what, goal, benchmark, params, atLeast, limit, pathWhenMissed, List.of());
    }

    /** Another measurement of the same target, shown with its label. */
    record Also(String label, String benchmark) {
    }

    static final List<Target> ALL = List.of(
            new Target("IAM policy evaluation, typical role policy (10 statements)", "≥ 1,000,000 decisions/s per core",
                    "policy.PolicyEvaluationBenchmark.evaluate", "statements=10", true, 1_000_000),
            new Target("sts:AssumeRole on the aws-sandbox, SigV4 verified", "≥ 2,000 calls/s on 2 cores",
                    "load.AssumeRoleLoad.assumeRoleSigV4", null, true, 2_000),
            new Target("sts:AssumeRole on the aws-sandbox, p99", "< 250 ms (part of approval → credentials)",
                    "load.AssumeRoleLoad.assumeRoleSigV4P99", null, false, 250),
            new Target("approval → usable credentials (broker + sandbox STS, GetCallerIdentity works), p99",
                    "p99 < 250 ms", "e2e.ApprovalToCredentials.approveToCredentialsP99", null, false, 250,
                    "the path: approve (request + grant + outbox in one transaction), then POST credentials (a SigV4 "
                            + "sts:AssumeRole on the sandbox inside the broker), then GetCallerIdentity; compare with the "
                            + "plain AssumeRole baseline of the same run"),
            new Target("revocation → deny in place (explicit deny on the grant's own session), p99", "p99 < 2 s",
                    "e2e.RevocationToDeny.revokeToDenyP99", null, false, 2_000,
                    "the path: lock the role row, open a probe session (AssumeRole), read the role's other inline "
                            + "policies, rewrite accessloop-revocations (PutRolePolicy), then poll the probe"),
            new Target("expiry → deny in place, p99", "p99 < 2 s",
                    "e2e.RevocationToDeny.expiryToDenyP99", null, false, 2_000,
                    "the path adds lifecycle's 1 s expiry sweep, its outbox relay (polls every 200 ms) and the AMQP "
                            + "hop to the broker before the revocation itself"),
            new Target("offboarding (HR webhook; 20 grants + an IAM user) → everything denied, p99", "p99 < 2 s",
                    "e2e.RevocationToDeny.offboardingToDenyP99", null, false, 2_000,
                    "the path: webhook → offboarding case, driven as soon as it commits → revoke-identity command "
                            + "(outbox relay, AMQP) → broker denies each role's grants, roles side by side; the IAM "
                            + "user's clean-up (keys deactivated first) is a further saga step"),
            new Target("Config change → drift finding published, p99", "p99 < 500 ms",
                    "e2e.DriftDetection.changeToFindingP99", null, false, 500,
                    "the path: sandbox push → ingest (raw event + outbox, group commit) → relay (woken by the "
                            + "commit) → AMQP → consumer (inventory, CloudTrail attribution, rules) → finding"),
            new Target("Config changes ingested, sustained; judged: Amazon Data Firehose HTTP-endpoint deliveries "
                    + "(EventBridge rule → Firehose → POST /ingest/aws/events, 500 events each, 4 streams), the way AWS "
                    + "delivers events in volume; an EventBridge API destination sends single events at up to 300 "
                    + "invocations/s by default", "≥ 5,000 changes/s",
                    "e2e.DriftFirehose.firehoseChanges", null, true, 5_000,
                    "every delivery is decoded, checked whole and stored with its outbox entries in one transaction "
                            + "before its 200; compare with the single-event pushes and the liveness-probe baseline of "
                            + "the same driver and server",
                    List.of(new Also("single-event EventBridge pushes (one event per request, 128 in flight)",
                                    "e2e.DriftIngestion.ingestConfigChange"),
                            new Also("liveness-probe baseline of the same driver",
                                    "e2e.DriftIngestion.baselineLivenessProbe"),
                            new Also("Firehose delivery p99", "e2e.DriftFirehose.firehoseDeliveryP99"),
                            new Also("processed by drift, from the first push until the backlog was empty",
                                    "e2e.DriftProcessing.processingRate"),
                            new Also("drain after the load", "e2e.DriftProcessing.drainAfterLoad"))),
            new Target("CloudTrail processing for right-sizing (gunzip, stream, map, fold; one thread)",
                    "≥ 200,000 events/s per core", "cloudtrail.CloudTrailProcessingBenchmark.streamMapAndFold", null,
                    true, 200_000),
            new Target("100,000 grants expiring at once", "all revoked within 60 s",
                    "e2e.ExpiryStorm.secondsFor100000Grants", null, false, 60,
                    "the path: lifecycle's sweep claims due rows in batches and sends one REVOKE_GRANTS command per "
                            + "role and batch (up to 1,000 grants), relay and AMQP as for one grant, then the broker "
                            + "denies a command's grants with one policy write for the role; compare with the "
                            + "one-grant-per-command baseline of the same run"),
            new Target("portal page under 50 concurrent signed-in users, p99; judged: 50 sessions, each pausing a "
                    + "0.5–1.5 s think time after every page", "p99 < 100 ms",
                    "e2e.PortalLoad.thinkTimePagesP99", null, false, 100,
                    "each page calls the services' REST APIs with the person's token before it renders; compare "
                            + "with the static-asset baseline of the same server",
                    List.of(new Also("pages/s", "e2e.PortalLoad.thinkTimePages"),
                            new Also("saturation (the same 50 sessions, no think time) p99",
                                    "e2e.PortalLoad.saturationPagesP99"),
                            new Also("saturation pages/s", "e2e.PortalLoad.saturationPages"))),
            new Target("soak: request errors under steady mixed load", "0",
                    "soak.Soak.errors", null, false, 1),
            new Target("soak: services whose heap after GC grows after the warm-up (fitted rise over 25 % and 16 MiB)",
                    "flat: 0", "soak.Soak.servicesWithGrowingHeap", null, false, 1));

    String verdict(List<ResultsReport.Row> rows, Map<String, String> notes) {
        Optional<ResultsReport.Row> row = rows.stream()
                .filter(r -> r.benchmark().equals(benchmark) && (params == null || r.params().equals(params)))
                .findFirst();
        if (row.isEmpty()) {
            return "not measured: " + Optional.ofNullable(noteFor(notes, benchmark)).orElse("no figure in this run")
                    + others(rows, notes);
        }
        double score = row.get().score();
        boolean met = atLeast ? score >= limit : score < limit;
        String figure = String.format(Locale.ROOT, "%s %.1f %s", met ? "met:" : "NOT met:", score, row.get().unit());
        if (params == null && !row.get().params().isEmpty()) {
            figure += " (" + row.get().params() + ")";
        }
        String note = notes.get(benchmark);
        if (note != null) {
            figure += "; " + note;
        }
        figure += others(rows, notes);
        return met || pathWhenMissed == null ? figure : figure + "; where the time goes: " + pathWhenMissed;
    }

    /** The other measurements of this target, each with its figure or why it is missing (each reason once). */
    private String others(List<ResultsReport.Row> rows, Map<String, String> notes) {
        StringBuilder text = new StringBuilder();
        java.util.Set<String> reasons = new java.util.HashSet<>();
        Optional.ofNullable(noteFor(notes, benchmark)).ifPresent(reasons::add);
        for (Also other : also) {
            Optional<ResultsReport.Row> row = rows.stream().filter(r -> r.benchmark().equals(other.benchmark()))
                    .findFirst();
            String reason = Optional.ofNullable(noteFor(notes, other.benchmark())).orElse("no figure in this run");
            text.append(text.length() == 0 ? "; not judged, also measured: " : "; ").append(other.label()).append(' ')
                    .append(row.map(r -> String.format(Locale.ROOT, "%.1f %s%s", r.score(), r.unit(),
                                    r.params().isEmpty() ? "" : " (" + r.params() + ")"))
                            .orElseGet(() -> reasons.add(reason) ? "not measured (" + reason + ")" : "not measured"));
        }
        return text.toString();
    }

    /** The note of the benchmark itself, else of its driver (a driver that failed as a whole). */
    private static String noteFor(Map<String, String> notes, String benchmark) {
        String key = benchmark;
        while (true) {
            if (notes.containsKey(key)) {
                return notes.get(key);
            }
            int dot = key.lastIndexOf('.');
            if (dot < 0) {
                return null;
            }
            key = key.substring(0, dot);
        }
    }
}

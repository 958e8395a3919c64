package io.accessloop.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A number we hold ourselves to (DESIGN §8 and the issues), the benchmark row that measures it, and whether the
 * measured figure meets it. A target without a row says why it is not measured yet.
 */
record Target(String what, String goal, String benchmark, String params, boolean atLeast, double limit,
              String notMeasuredBecause) {

    static final List<Target> ALL = List.of(
            new Target("IAM policy evaluation, typical role policy (10 statements)", "≥ 1,000,000 decisions/s per core",
                    "policy.PolicyEvaluationBenchmark.evaluate", "statements=10", true, 1_000_000, null),
            new Target("sts:AssumeRole on the aws-sandbox, SigV4 verified", "≥ 2,000 calls/s on 2 cores",
                    "load.AssumeRoleLoad.assumeRoleSigV4", null, true, 2_000, null),
            new Target("sts:AssumeRole on the aws-sandbox, p99", "< 250 ms (part of approval → credentials)",
                    "load.AssumeRoleLoad.assumeRoleSigV4P99", null, false, 250, null),
            new Target("approval → usable credentials (broker + sandbox STS)", "p99 < 250 ms", null, null, true, 0,
                    "needs the end-to-end driver against a running broker"),
            new Target("revocation / expiry / offboarding → deny in place", "p99 < 2 s", null, null, true, 0,
                    "needs the end-to-end driver against running broker and lifecycle services"),
            new Target("Config change → drift finding published", "p99 < 500 ms; ≥ 5,000 changes/s", null, null, true, 0,
                    "needs the ingestion driver against a running drift-service"),
            new Target("CloudTrail processing for right-sizing (gunzip, stream, map, fold; one thread)",
                    "≥ 200,000 events/s per core", "cloudtrail.CloudTrailProcessingBenchmark.streamMapAndFold", null,
                    true, 200_000, null),
            new Target("100,000 grants expiring at once", "all revoked within 60 s", null, null, true, 0,
                    "needs the expiry-storm driver against running lifecycle and broker services"),
            new Target("portal page under 50 concurrent users", "p99 < 100 ms", null, null, true, 0,
                    "needs the portal load driver with a signed-in session"));

    String verdict(List<ResultsReport.Row> rows) {
        if (benchmark == null) {
            return "not measured: " + notMeasuredBecause;
        }
        Optional<ResultsReport.Row> row = rows.stream()
                .filter(r -> r.benchmark().equals(benchmark) && (params == null || r.params().equals(params)))
                .findFirst();
        if (row.isEmpty()) {
            return "not measured in this run";
        }
        double score = row.get().score();
        boolean met = atLeast ? score >= limit : score < limit;
        return String.format(Locale.ROOT, "%s %.1f %s", met ? "met:" : "NOT met:", score, row.get().unit());
    }
}

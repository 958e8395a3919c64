package io.accessloop.bench.scaling;

import io.accessloop.bench.cloudtrail.TrailLogs;
import io.accessloop.bench.policy.RolePolicies;
import io.accessloop.drift.rightsizing.usage.CallMapper;
import io.accessloop.drift.rightsizing.usage.CloudTrailFileReader;
import io.accessloop.drift.rightsizing.usage.ReadStats;
import io.accessloop.drift.rightsizing.usage.UsageTally;
import io.accessloop.iam.eval.AuthorizationRequest;
import io.accessloop.iam.eval.Decision;
import io.accessloop.iam.eval.PolicyEvaluator;
import io.accessloop.iam.eval.PolicySet;
import io.accessloop.iam.minimise.MinimiseOptions;
import io.accessloop.iam.minimise.MinimisedPolicy;
import io.accessloop.iam.minimise.PolicyMinimiser;
import io.accessloop.iam.minimise.UsedPermission;
import io.accessloop.iam.policy.PolicyDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.ByteArrayInputStream;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * How each cost grows with the work, 1,000 → 10,000 → 100,000: CloudTrail events read and folded into usage,
 * distinct used permissions minimised against a 50-statement role, and statements an evaluation has to walk.
 * Linear growth shows as 10× per step in RESULTS.md's scaling table; more than that is super-linear.
 * Each benchmark has its own state, so a fork builds only the input it measures (the 100,000 inputs take seconds).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScalingBenchmark {

    /** A gzipped CloudTrail log file of {@code size} events. */
    @State(Scope.Benchmark)
    public static class Trail {

        @Param({"1000", "10000", "100000"})
        public int size;

        private byte[] file;

        @Setup
        public void setUp() {
            file = TrailLogs.gzipFile(size, 200, 42);
        }
    }

    /** A 50-statement role and {@code size} distinct permissions seen in use. */
    @State(Scope.Benchmark)
    public static class Usage {

        @Param({"1000", "10000", "100000"})
        public int size;

        private PolicyDocument role;
        private Set<UsedPermission> used;

        @Setup
        public void setUp() {
            role = RolePolicies.parsed(50);
            used = RolePolicies.usedPermissions(size);
        }
    }

    /** A policy of {@code size} statements and a request only its last statement allows. */
    @State(Scope.Benchmark)
    public static class WidePolicy {

        @Param({"1000", "10000", "100000"})
        public int size;

        private PolicySet wide;
        private AuthorizationRequest request;

        @Setup
        public void setUp() {
            wide = PolicySet.ofIdentity(RolePolicies.parsed(size));
            request = RolePolicies.lastStatementRequest(size);
            if (PolicyEvaluator.evaluate(request, wide) != Decision.ALLOWED) {
                throw new IllegalStateException("the request must be allowed by the last statement");
            }
        }
    }

    private final CloudTrailFileReader reader = new CloudTrailFileReader();

    @Benchmark
    public int cloudTrailEvents(Trail trail) {
        ReadStats stats = new ReadStats();
        UsageTally tally = new UsageTally();
        CallMapper calls = new CallMapper();
        reader.read(new ByteArrayInputStream(trail.file), stats, record -> calls.map(record, stats, tally));
        return tally.size();
    }

    @Benchmark
    public MinimisedPolicy minimiseUsedPermissions(Usage usage) {
        return PolicyMinimiser.minimise(usage.role, usage.used, MinimiseOptions.defaults());
    }

    @Benchmark
    public Decision evaluatePolicyStatements(WidePolicy policy) {
        return PolicyEvaluator.evaluate(policy.request, policy.wide);
    }
}

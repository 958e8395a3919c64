package io.accessloop.bench.policy;

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

import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Right-sizing a 50-statement role as the observed usage grows (100 → 1,000 → 10,000 distinct permissions). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MinimiserBenchmark {

    @Param({"100", "1000", "10000"})
    public int usedPermissions;

    private PolicyDocument current;
    private Set<UsedPermission> used;

    @Setup
    public void setUp() {
        current = RolePolicies.parsed(50);
        used = RolePolicies.usedPermissions(usedPermissions);
    }

    @Benchmark
    public MinimisedPolicy minimise() {
        return PolicyMinimiser.minimise(current, used, MinimiseOptions.defaults());
    }
}

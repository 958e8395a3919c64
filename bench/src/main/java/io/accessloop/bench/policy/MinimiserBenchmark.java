package io.accessloop.bench.policy;

import io.accessloop.iam.eval.RequestContext;
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

import java.util.HashSet;
import java.util.Map;
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
        used = new HashSet<>();
        RequestContext paymentsTeam = RequestContext.builder()
                .putTags("aws:PrincipalTag/", Map.of("team", "payments")).build();
        for (int i = 0; used.size() < usedPermissions; i++) {
            int statement = i % 40;
            if (statement % 17 == 16) {
                continue;
            }
            String service = RolePolicies.SERVICES[statement % RolePolicies.SERVICES.length];
            String verb = RolePolicies.VERBS[(statement / RolePolicies.SERVICES.length) % RolePolicies.VERBS.length];
            used.add(new UsedPermission(service + ":" + verb + "Thing" + (i % 7),
                    "arn:aws:" + service + ":us-east-1:111122223333:res-" + statement + "/obj-" + i, paymentsTeam));
        }
    }

    @Benchmark
    public MinimisedPolicy minimise() {
        return PolicyMinimiser.minimise(current, used, MinimiseOptions.defaults());
    }
}

package io.accessloop.bench.policy;

import io.accessloop.iam.eval.AuthorizationRequest;
import io.accessloop.iam.eval.Decision;
import io.accessloop.iam.eval.PolicyEvaluator;
import io.accessloop.iam.eval.PolicySet;
import io.accessloop.iam.eval.RequestContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Evaluation cost as the role's policy grows (1 → 10 → 100 statements): the 1-statement case is the baseline,
 * so the report shows whether cost grows linearly with the policy.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PolicyEvaluationBenchmark {

    @Param({"1", "10", "100"})
    public int statements;

    private PolicySet policies;
    private AuthorizationRequest allowedLastStatement;

    @Setup(Level.Trial)
    public void setUp() {
        policies = PolicySet.ofIdentity(RolePolicies.parsed(statements));
        int last = RolePolicies.lastAllowStatement(statements);
        String service = RolePolicies.SERVICES[last % RolePolicies.SERVICES.length];
        String verb = RolePolicies.VERBS[(last / RolePolicies.SERVICES.length) % RolePolicies.VERBS.length];
        allowedLastStatement = new AuthorizationRequest("arn:aws:sts::111122223333:assumed-role/app/alice",
                service + ":" + verb + "Thing", "arn:aws:" + service + ":us-east-1:111122223333:res-" + last + "/x",
                RequestContext.builder().putTags("aws:PrincipalTag/", Map.of("team", "payments")).build());
        if (PolicyEvaluator.evaluate(allowedLastStatement, policies) != Decision.ALLOWED) {
            throw new IllegalStateException("benchmark request must be allowed by the last statement");
        }
    }

    @Benchmark
    public Decision evaluate() {
        return PolicyEvaluator.evaluate(allowedLastStatement, policies);
    }
}

package io.accessloop.bench.cloudtrail;

import io.accessloop.bench.policy.RolePolicies;
import io.accessloop.drift.rightsizing.domain.Plan;
import io.accessloop.drift.rightsizing.domain.PlanRequest;
import io.accessloop.drift.rightsizing.domain.PrincipalPermissions;
import io.accessloop.drift.rightsizing.domain.ProposalPlanner;
import io.accessloop.drift.rightsizing.domain.UsedAction;
import io.accessloop.iam.catalog.ActionCatalog;
import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.PolicyParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Time to a proposal for a role with 90 days of usage (the stored daily rows summed per action and resource, as
 * the repository hands them over): minimise every policy, build the evidence and run the proof (subset check and
 * replay of every observed call through the evaluator). Baseline: parsing the role's policies once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TimeToProposalBenchmark {

    private PlanRequest request;
    private List<String> documents;

    @Setup
    public void setUp() {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        documents = List.of(RolePolicies.json(30), RolePolicies.json(10), RolePolicies.json(5));
        List<PrincipalPermissions.InlinePolicy> inline = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            inline.add(new PrincipalPermissions.InlinePolicy("policy-" + i, documents.get(i)));
        }
        PrincipalPermissions role = new PrincipalPermissions("arn:aws:iam::123456789012:role/workload", "role",
                "workload", now.minus(Duration.ofDays(400)), Map.of(), inline, List.of(), null, null);
        // usage: a third of the granted concrete actions, each on a few resources, over 90 days
        Set<String> granted = new TreeSet<>();
        for (String doc : documents) {
            PolicyDocument d = PolicyParser.parse(doc);
            d.statements().forEach(s -> s.actions().forEach(a -> granted.addAll(ActionCatalog.expand(a))));
        }
        Random random = new Random(7);
        List<UsedAction> usage = new ArrayList<>();
        Map<String, Instant> lastUse = new TreeMap<>();
        int n = 0;
        for (String action : granted) {
            if (n++ % 3 != 0) {
                continue;
            }
            for (int r = 0; r < 3; r++) {
                Instant last = now.minus(Duration.ofDays(random.nextInt(90)));
                usage.add(new UsedAction(action, "", 1 + random.nextInt(90 * 24), last));
                lastUse.merge(action, last, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        request = new PlanRequest(role, usage, lastUse, List.of(), Set.of(), Duration.ofDays(90), now,
                now.minus(Duration.ofDays(90)), false);
    }

    @Benchmark
    public int baselineParsePolicies() {
        int statements = 0;
        for (String doc : documents) {
            statements += PolicyParser.parse(doc).statements().size();
        }
        return statements;
    }

    @Benchmark
    public Plan proposalWithProof() {
        return ProposalPlanner.plan(request);
    }
}

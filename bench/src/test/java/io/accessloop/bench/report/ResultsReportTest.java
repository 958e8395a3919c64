package io.accessloop.bench.report;

import io.accessloop.bench.policy.RolePolicies;
import io.accessloop.iam.eval.Decision;
import io.accessloop.iam.policy.PolicyDocument;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsReportTest {

    @Test
    void comparesEveryRowWithTheBaselineOfItsGroup() {
        String md = ResultsReport.render(List.of(
                new ResultsReport.Row("policy.PolicyParsingBenchmark.baselineJacksonTree", "", 1000, 10, "ops/s"),
                new ResultsReport.Row("policy.PolicyParsingBenchmark.parseAndValidate", "", 250, 5, "ops/s"),
                new ResultsReport.Row("policy.PolicyEvaluationBenchmark.evaluate", "statements=1", 800, 1, "ops/s"),
                new ResultsReport.Row("policy.PolicyEvaluationBenchmark.evaluate", "statements=10", 200, 1, "ops/s")),
                "bench/run.sh", "test machine");

        assertThat(md).contains("| parseAndValidate | – | 250.0 | 5.0 | ops/s | 0.25× |");
        assertThat(md).contains("| baselineJacksonTree | – | 1000.0 | 10.0 | ops/s | 1.00× |");
        assertThat(md).contains("| evaluate | statements=10 | 200.0 | 1.0 | ops/s | 0.25× |");
        assertThat(md).contains("`bench/run.sh`").contains("test machine");
    }

    @Test
    void percentileRowsCompareWithTheBaselinesSamePercentileAndTargetsSayWhetherTheyAreMet() {
        String md = ResultsReport.render(List.of(
                new ResultsReport.Row("load.AssumeRoleLoad.baselineLivenessProbe", "threads=16", 10000, 0, "calls/s"),
                new ResultsReport.Row("load.AssumeRoleLoad.baselineLivenessProbeP99", "threads=16", 2, 0, "ms"),
                new ResultsReport.Row("load.AssumeRoleLoad.assumeRoleSigV4", "threads=16", 2500, 0, "calls/s"),
                new ResultsReport.Row("load.AssumeRoleLoad.assumeRoleSigV4P99", "threads=16", 300, 0, "ms")),
                "bench/run.sh", "test machine");

        assertThat(md).contains("| assumeRoleSigV4 | threads=16 | 2500.0 | 0.0 | calls/s | 0.25× |");
        assertThat(md).contains("| assumeRoleSigV4P99 | threads=16 | 300.0 | 0.0 | ms | 150.00× |");
        assertThat(md).contains("| ≥ 2,000 calls/s on 2 cores | met: 2500.0 calls/s |");
        assertThat(md).contains("| < 250 ms (part of approval → credentials) | NOT met: 300.0 ms |");
        assertThat(md).contains("not measured: needs the end-to-end driver against a running broker");
    }

    @Test
    void generatedPoliciesHaveTheRequestedSizeAndEndWithAnAllow() {
        PolicyDocument policy = RolePolicies.parsed(17);
        assertThat(policy.statements()).hasSize(17);
        assertThat(RolePolicies.lastAllowStatement(17)).isEqualTo(15);
        assertThat(RolePolicies.lastAllowStatement(100)).isEqualTo(99);
        assertThat(Decision.values()).contains(Decision.ALLOWED);
    }
}

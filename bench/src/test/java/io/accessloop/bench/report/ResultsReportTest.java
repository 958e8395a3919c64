package io.accessloop.bench.report;

import io.accessloop.bench.policy.RolePolicies;
import io.accessloop.iam.eval.Decision;
import io.accessloop.iam.policy.PolicyDocument;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

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
        assertThat(md).contains("| ≥ 2,000 calls/s on 2 cores | met: 2500.0 calls/s (threads=16) |");
        assertThat(md).contains("| < 250 ms (part of approval → credentials) | NOT met: 300.0 ms (threads=16) |");
        assertThat(md).contains("| p99 < 250 ms | not measured: no figure in this run |");
    }

    @Test
    void targetsCarryTheDriversNotesAndAFailedDriverSaysWhyItsFiguresAreMissing() {
        String md = ResultsReport.render(List.of(
                        new ResultsReport.Row("e2e.ExpiryStorm.secondsFor100000Grants", "projectedFrom=1000", 75, 0, "s")),
                Map.of("e2e.ExpiryStorm.secondsFor100000Grants", "projected, not measured",
                        "e2e.PortalLoad", "driver failed: no login form"),
                "Mode: short", "bench/run.sh", "test machine");

        assertThat(md).contains("| all revoked within 60 s | NOT met: 75.0 s (projectedFrom=1000); projected, not measured; "
                + "where the time goes: the path: lifecycle's sweep claims due rows in batches");
        assertThat(md).contains("| p99 < 100 ms | not measured: driver failed: no login form; not judged, also "
                + "measured: pages/s not measured; saturation (the same 50 sessions, no think time) p99 not measured;");
        assertThat(md).contains("- Mode: short");
        assertThat(md).contains("## Notes from the drivers");
    }

    @Test
    void theSoakTargetCountsServicesWhoseHeapGrewAfterTheWarmUpAndTheStormTargetTakesTheMeasuredRow() {
        String passed = ResultsReport.render(List.of(
                        new ResultsReport.Row("soak.Soak.servicesWithGrowingHeap", "seconds=60", 0, 0, "services"),
                        new ResultsReport.Row("e2e.ExpiryStorm.secondsFor100000Grants", "measured=100000", 42, 0, "s")),
                Map.of("soak.Soak.servicesWithGrowingHeap", "judged: after a 20 s warm-up; passed"),
                "", "bench/run.sh", "test machine");
        String failed = ResultsReport.render(List.of(
                        new ResultsReport.Row("soak.Soak.servicesWithGrowingHeap", "seconds=60", 1, 0, "services"),
                        new ResultsReport.Row("e2e.ExpiryStorm.secondsFor100000Grants", "unfinishedAfter=240", 240, 0, "s")),
                Map.of(), "", "bench/run.sh", "test machine");

        assertThat(passed).contains("| flat: 0 | met: 0.0 services (seconds=60); judged: after a 20 s warm-up; passed |");
        assertThat(passed).contains("| all revoked within 60 s | met: 42.0 s (measured=100000) |");
        assertThat(failed).contains("| flat: 0 | NOT met: 1.0 services (seconds=60) |");
        assertThat(failed).contains("| all revoked within 60 s | NOT met: 240.0 s (unfinishedAfter=240); where the time goes:");
    }

    @Test
    void theIngestionTargetIsJudgedOnFirehoseDeliveriesAndShowsSingleEventPushesAndProcessingBesideIt() {
        String md = ResultsReport.render(List.of(
                        new ResultsReport.Row("e2e.DriftIngestion.ingestConfigChange", "inFlight=128", 4200, 0, "calls/s"),
                        new ResultsReport.Row("e2e.DriftFirehose.firehoseChanges", "streams=4, records=500", 4900, 0,
                                "changes/s"),
                        new ResultsReport.Row("e2e.DriftProcessing.processingRate", "accepted=30000", 450, 0, "changes/s"),
                        new ResultsReport.Row("e2e.DriftProcessing.drainAfterLoad", "accepted=30000, unfinished=true", 45,
                                0, "s")),
                Map.of(), "", "bench/run.sh", "test machine");
        String met = ResultsReport.render(List.of(
                        new ResultsReport.Row("e2e.DriftFirehose.firehoseChanges", "streams=4, records=500", 7000, 0,
                                "changes/s")),
                Map.of(), "", "bench/run.sh", "test machine");
        String withoutFirehose = ResultsReport.render(List.of(
                        new ResultsReport.Row("e2e.DriftIngestion.ingestConfigChange", "inFlight=128", 6000, 0, "calls/s")),
                Map.of("e2e.DriftFirehose", "drift did not acknowledge a Firehose delivery"),
                "", "bench/run.sh", "test machine");

        assertThat(md).contains("judged: Amazon Data Firehose HTTP-endpoint deliveries")
                .contains("| ≥ 5,000 changes/s | NOT met: 4900.0 changes/s (streams=4, records=500); not judged, also "
                        + "measured: single-event EventBridge pushes (one event per request, 128 in flight) 4200.0 calls/s "
                        + "(inFlight=128); liveness-probe baseline of the same driver not measured (no figure in this "
                        + "run); Firehose delivery p99 not measured; processed by drift, from the first push until the "
                        + "backlog was empty 450.0 changes/s (accepted=30000); drain after the load 45.0 s "
                        + "(accepted=30000, unfinished=true); where the time goes:");
        assertThat(met).contains("| ≥ 5,000 changes/s | met: 7000.0 changes/s (streams=4, records=500); not judged");
        assertThat(withoutFirehose).contains("| ≥ 5,000 changes/s | not measured: drift did not acknowledge a Firehose "
                + "delivery; not judged, also measured: single-event EventBridge pushes (one event per request, 128 in "
                + "flight) 6000.0 calls/s (inFlight=128)");
    }

    @Test
    void thePortalTargetIsJudgedWithThinkTimeAndMentionsTheSaturationFigure() {
        String md = ResultsReport.render(List.of(
                        new ResultsReport.Row("e2e.PortalLoad.saturationPagesP99", "users=50", 900, 0, "ms"),
                        new ResultsReport.Row("e2e.PortalLoad.thinkTimePagesP99", "users=50, thinkMs=500-1500", 80, 0,
                                "ms")),
                Map.of(), "", "bench/run.sh", "test machine");

        assertThat(md).contains("judged: 50 sessions, each pausing a 0.5–1.5 s think time after every page")
                .contains("| p99 < 100 ms | met: 80.0 ms (users=50, thinkMs=500-1500); not judged, also measured: "
                        + "pages/s not measured (no figure in this run); saturation (the same 50 sessions, no think "
                        + "time) p99 900.0 ms (users=50);");
    }

    @Test
    void scalingCurvesShowEachStepBesideTheWorkAndFlagSuperLinearGrowth() {
        String md = ResultsReport.render(List.of(
                new ResultsReport.Row("scaling.ScalingBenchmark.cloudTrailEvents", "size=10000", 10, 0, "ms/op"),
                new ResultsReport.Row("scaling.ScalingBenchmark.cloudTrailEvents", "size=1000", 1, 0, "ms/op"),
                new ResultsReport.Row("scaling.ScalingBenchmark.cloudTrailEvents", "size=100000", 300, 0, "ms/op")),
                "bench/run.sh", "test machine");

        assertThat(md).contains("## Scaling curves");
        assertThat(md).contains("| ScalingBenchmark.cloudTrailEvents | 1,000 | 1.000 | ms/op | – | – | baseline |");
        assertThat(md).contains("| ScalingBenchmark.cloudTrailEvents | 10,000 | 10.000 | ms/op | 10.00× | 10× | linear |");
        assertThat(md).contains("| ScalingBenchmark.cloudTrailEvents | 100,000 | 300.000 | ms/op | 30.00× | 10× | **super-linear** |");
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

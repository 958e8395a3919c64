package io.accessloop.drift.rightsizing.domain;

import io.accessloop.iam.eval.AuthorizationRequest;
import io.accessloop.iam.eval.PolicyEvaluator;
import io.accessloop.iam.policy.PolicyParser;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.accessloop.drift.rightsizing.domain.Fixtures.NOW;
import static io.accessloop.drift.rightsizing.domain.Fixtures.ROLE;
import static org.assertj.core.api.Assertions.assertThat;

class ProposalPlannerTest {

    @Test
    void unusedRdsWriteIsRemovedWithEvidenceAndProof() {
        Plan plan = ProposalPlanner.plan(Fixtures.request(Fixtures.reporting(List.of()), Fixtures.dailyS3Reads(), 30,
                Set.of()));

        assertThat(plan.kind()).isEqualTo(ProposalKind.RIGHTSIZE);
        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.DELETE_INLINE);
            assertThat(c.policy()).isEqualTo("rds-write");
        });
        assertThat(plan.proof().passed()).isTrue();
        assertThat(plan.proof().replayedCalls()).isEqualTo(2);
        assertThat(plan.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(plan.evidence().removals()).extracting(Removal::action).containsExactlyInAnyOrder(
                "rds:ModifyDBInstance", "rds:CreateDBSnapshot", "rds:DeleteDBSnapshot", "rds:RebootDBInstance");
        assertThat(plan.evidence().removals()).filteredOn(r -> r.action().equals("rds:CreateDBSnapshot")).singleElement()
                .satisfies(r -> {
                    assertThat(r.lastUsed()).isEqualTo(NOW.minus(Duration.ofDays(45)));
                    assertThat(r.sources()).containsExactly("cloudtrail");
                    assertThat(r.granularity()).isEqualTo("action");
                });
        assertThat(plan.evidence().windowDays()).isEqualTo(30);
    }

    @Test
    void aNinetyDayWindowKeepsTheSnapshotUsedFortyFiveDaysAgo() {
        List<UsedAction> usage = new java.util.ArrayList<>(Fixtures.dailyS3Reads());
        usage.add(new UsedAction("rds:CreateDBSnapshot", "", 1, NOW.minus(Duration.ofDays(45))));

        Plan plan = ProposalPlanner.plan(Fixtures.request(Fixtures.reporting(List.of()), usage, 90, Set.of()));

        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.REPLACE_INLINE);
            assertThat(c.after()).contains("rds:CreateDBSnapshot").doesNotContain("rds:ModifyDBInstance");
        });
        assertThat(plan.proof().passed()).isTrue();
    }

    @Test
    void pinnedActionsAndPassRoleAreKept() {
        PrincipalPermissions p = new PrincipalPermissions(ROLE, "role", "r", NOW.minus(Duration.ofDays(400)), Map.of(),
                List.of(new PrincipalPermissions.InlinePolicy("all", "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                        + "\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"iam:PassRole\",\"rds:RebootDBInstance\","
                        + "\"sqs:SendMessage\"],\"Resource\":\"*\"}]}")), List.of(), null, null);

        Plan plan = ProposalPlanner.plan(Fixtures.request(p, List.of(new UsedAction("s3:GetObject", "", 3,
                NOW.minus(Duration.ofDays(2)))), 30, Set.of("rds:RebootDBInstance")));

        assertThat(plan.changes()).singleElement().satisfies(c -> assertThat(c.after())
                .contains("iam:PassRole", "rds:RebootDBInstance", "s3:GetObject").doesNotContain("sqs:SendMessage"));
        assertThat(plan.evidence().exemptions()).containsKeys("iam:PassRole", "rds:RebootDBInstance");
        assertThat(plan.evidence().removals()).extracting(Removal::action).containsExactly("sqs:SendMessage");
    }

    @Test
    void aSharedManagedPolicyIsDetachedAndReplacedInlineNeverEdited() {
        PrincipalPermissions.ManagedPolicy shared = new PrincipalPermissions.ManagedPolicy(
                "arn:aws:iam::000000000000:policy/reports-and-db", "reports-and-db",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\","
                        + "\"s3:ListBucket\",\"rds:ModifyDBInstance\"],\"Resource\":\"*\"}]}", 3,
                NOW.minus(Duration.ofDays(300)));
        PrincipalPermissions p = new PrincipalPermissions(ROLE, "role", "workload-reporting",
                NOW.minus(Duration.ofDays(180)), Map.of(), List.of(), List.of(shared), null, null);

        Plan plan = ProposalPlanner.plan(Fixtures.request(p, Fixtures.dailyS3Reads(), 30, Set.of()));

        assertThat(plan.changes()).extracting(PolicyChange::kind)
                .containsExactly(ChangeKind.DETACH_MANAGED, ChangeKind.ADD_INLINE);
        PolicyChange inline = plan.changes().get(1);
        assertThat(inline.policy()).isEqualTo("accessloop-rightsized-reports-and-db");
        assertThat(inline.replaces()).isEqualTo(shared.arn());
        assertThat(inline.after()).contains("s3:GetObject").doesNotContain("rds:");
        assertThat(plan.evidence().notes()).anyMatch(n -> n.contains("shared"));
        assertThat(plan.proof().passed()).isTrue();
    }

    @Test
    void aManagedPolicyGrantedInsideTheWindowIsLeftAsIs() {
        PrincipalPermissions.ManagedPolicy fresh = new PrincipalPermissions.ManagedPolicy(
                "arn:aws:iam::000000000000:policy/new", "new", Fixtures.RDS_WRITE, 1, NOW.minus(Duration.ofDays(3)));

        Plan plan = ProposalPlanner.plan(Fixtures.request(Fixtures.reporting(List.of(fresh)), Fixtures.dailyS3Reads(),
                30, Set.of()));

        assertThat(plan.changes()).extracting(PolicyChange::policy).containsExactly("rds-write");
        assertThat(plan.evidence().exemptions()).containsKey(fresh.arn());
    }

    @Test
    void anUnusedRoleGetsARetirementProposalAndAYoungOneNothing() {
        Plan retire = ProposalPlanner.plan(Fixtures.request(Fixtures.reporting(List.of()), List.of(), 30, Set.of()));
        assertThat(retire.kind()).isEqualTo(ProposalKind.RETIRE);
        assertThat(retire.changes()).extracting(PolicyChange::kind).containsOnly(ChangeKind.DELETE_INLINE);
        assertThat(retire.proof().passed()).isTrue();

        PrincipalPermissions young = new PrincipalPermissions(ROLE, "role", "new-role", NOW.minus(Duration.ofDays(2)),
                Map.of(), List.of(new PrincipalPermissions.InlinePolicy("p", Fixtures.RDS_WRITE)), List.of(), null, null);
        Plan nothing = ProposalPlanner.plan(Fixtures.request(young, List.of(), 30, Set.of()));
        assertThat(nothing.hasChanges()).isFalse();
        assertThat(nothing.nothingToPropose()).contains("inside the 30-day window");
    }

    @Test
    void accessAdvisorActionLevelUseKeepsActionsCloudTrailDidNotSee() {
        PlanRequest base = Fixtures.request(Fixtures.reporting(List.of()), Fixtures.dailyS3Reads(), 30, Set.of());
        PlanRequest withAdvisor = new PlanRequest(base.permissions(), base.usage(), base.lastUse(),
                List.of(new ServiceAccess("rds", NOW.minus(Duration.ofDays(5)),
                        Map.of("RebootDBInstance", NOW.minus(Duration.ofDays(5))))), Set.of(), base.window(), NOW,
                base.coveredFrom(), false);

        Plan plan = ProposalPlanner.plan(withAdvisor);

        assertThat(plan.changes()).singleElement().satisfies(c -> assertThat(c.after())
                .contains("rds:RebootDBInstance").doesNotContain("rds:ModifyDBInstance"));
        assertThat(plan.evidence().sources()).containsExactly("cloudtrail", "access-advisor");
    }

    @Test
    void theProofCatchesAWrongChange() {
        PrincipalPermissions p = Fixtures.reporting(List.of());
        List<PolicyChange> dropsS3 = List.of(new PolicyChange(ChangeKind.DELETE_INLINE, "s3-read", Fixtures.S3_READ,
                null, null));
        List<PolicyChange> widens = List.of(new PolicyChange(ChangeKind.REPLACE_INLINE, "s3-read", Fixtures.S3_READ,
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}",
                null));

        Proof lost = ProofChecker.check(p, dropsS3, Fixtures.dailyS3Reads(), NOW);
        Proof wider = ProofChecker.check(p, widens, Fixtures.dailyS3Reads(), NOW);

        assertThat(lost.passed()).isFalse();
        assertThat(lost.replayFailures()).hasSize(2).allMatch(f -> f.contains("would be denied"));
        assertThat(wider.subsetOfCurrent()).isFalse();
        assertThat(wider.passed()).isFalse();
    }

    @Test
    void theReplayHonoursThePermissionsBoundary() {
        String boundary = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\"}]}";
        PrincipalPermissions p = new PrincipalPermissions(ROLE, "role", "r", NOW.minus(Duration.ofDays(400)), Map.of(),
                List.of(new PrincipalPermissions.InlinePolicy("s3-read", Fixtures.S3_READ),
                        new PrincipalPermissions.InlinePolicy("rds-write", Fixtures.RDS_WRITE)), List.of(),
                "arn:aws:iam::000000000000:policy/boundary", boundary);
        // rds use outside the boundary was never allowed: the replay does not require the proposal to keep it
        List<UsedAction> usage = List.of(new UsedAction("rds:RebootDBInstance", "", 1, NOW.minus(Duration.ofDays(1))));
        List<PolicyChange> dropRds = List.of(new PolicyChange(ChangeKind.DELETE_INLINE, "rds-write", Fixtures.RDS_WRITE,
                null, null));

        assertThat(ProofChecker.check(p, dropRds, usage, NOW).replayFailures()).isEmpty();
        assertThat(PolicyEvaluator.allows(PolicyParser.parse(Fixtures.RDS_WRITE),
                AuthorizationRequest.of(ROLE, "rds:RebootDBInstance", "*"))).isTrue();
        assertThat(Instant.parse("2026-12-04T12:00:00Z")).isEqualTo(NOW);
    }
}

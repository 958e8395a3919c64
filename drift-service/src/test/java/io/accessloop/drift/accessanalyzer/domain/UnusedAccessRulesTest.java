package io.accessloop.drift.accessanalyzer.domain;

import io.accessloop.drift.rightsizing.domain.Evidence;
import io.accessloop.drift.rightsizing.domain.Plan;
import io.accessloop.drift.rightsizing.domain.PolicyChange;
import io.accessloop.drift.rightsizing.domain.ChangeKind;
import io.accessloop.drift.rightsizing.domain.Confidence;
import io.accessloop.drift.rightsizing.domain.PrincipalPermissions;
import io.accessloop.drift.rightsizing.domain.ProposalKind;
import io.accessloop.drift.rightsizing.domain.Removal;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class UnusedAccessRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final String ROLE = "arn:aws:iam::000000000000:role/workload-reporting";
    private static final String USER = "arn:aws:iam::000000000000:user/legacy-batch";
    private static final String ANALYZER = "arn:aws:access-analyzer:us-east-1:000000000000:analyzer/a";

    private static PrincipalPermissions role() {
        return new PrincipalPermissions(ROLE, "role", "workload-reporting", NOW.minusSeconds(86_400L * 200), Map.of(),
                List.of(new PrincipalPermissions.InlinePolicy("p", "{\"Version\":\"2012-10-17\",\"Statement\":[]}")),
                List.of(), null, null);
    }

    private static Plan plan(ProposalKind kind, List<Removal> removals) {
        Evidence evidence = new Evidence(NOW.minusSeconds(86_400L * 30), NOW, 30, List.of("cloudtrail"), 10, NOW,
                removals, Map.of(), List.of());
        return new Plan(kind, List.of(new PolicyChange(ChangeKind.DELETE_INLINE, "p", "{}", null, null)), evidence,
                null, Confidence.HIGH, removals.size(), "s", null);
    }

    private static Removal removal(String action, Instant lastUsed) {
        return new Removal("p", action, List.of("*"), Set.of(), List.of("cloudtrail"), "action", lastUsed);
    }

    @Test
    void analyzerFindingsAndPlansOfTheSameConditionShareOneIdentity() {
        UnusedAccessFinding unusedRds = new UnusedAccessFinding("f1", ANALYZER, UnusedAccessType.UNUSED_PERMISSION,
                ROLE, "AWS::IAM::Role", "000000000000", NOW.minusSeconds(86_400L * 45), null, "RDS",
                List.of(new UnusedAccessFinding.UnusedAction("CreateDBSnapshot", NOW.minusSeconds(86_400L * 45)),
                        new UnusedAccessFinding.UnusedAction("rds:RebootDBInstance", null)));
        Observation fromAnalyzer = UnusedAccessRules.fromAnalyzer(unusedRds, 0);
        List<Observation> fromPlan = UnusedAccessRules.fromPlan(role(), plan(ProposalKind.RIGHTSIZE, List.of(
                removal("rds:CreateDBSnapshot", NOW.minusSeconds(86_400L * 45)), removal("rds:RebootDBInstance", null),
                removal("sqs:SendMessage", null), removal("NotAction:[s3:*]", null))));

        assertThat(fromPlan).extracting(Observation::dedupKey).containsExactly("service:rds", "service:sqs");
        assertThat(fromPlan.get(0).identity()).isEqualTo(fromAnalyzer.identity());
        assertThat(fromAnalyzer.rule()).isEqualTo(UnusedAccessRules.UNUSED_PERMISSION);
        assertThat(UnusedAccessRules.lastAccessed(unusedRds)).containsOnlyKeys("rds:CreateDBSnapshot");
    }

    @Test
    void unusedRolesKeysAndPasswordsMapOntoTheirFindings() {
        Observation role = UnusedAccessRules.fromAnalyzer(new UnusedAccessFinding("f", ANALYZER,
                UnusedAccessType.UNUSED_ROLE, ROLE, "AWS::IAM::Role", "000000000000", null, null, null, null), 0);
        Observation key = UnusedAccessRules.fromAnalyzer(new UnusedAccessFinding("f", ANALYZER,
                UnusedAccessType.UNUSED_ACCESS_KEY, USER, "AWS::IAM::User", "000000000000", null, "AKIA1", null,
                null), 2);
        Observation password = UnusedAccessRules.fromAnalyzer(new UnusedAccessFinding("f", ANALYZER,
                UnusedAccessType.UNUSED_PASSWORD, USER, "AWS::IAM::User", "000000000000", null, null, null, null), 0);

        assertThat(role.identity()).isEqualTo(UnusedAccessRules.fromPlan(role(), plan(ProposalKind.RETIRE,
                List.of(removal("rds:CreateDBSnapshot", null)))).get(0).identity());
        assertThat(role.summary()).contains("never used");
        assertThat(key.rule()).isEqualTo("unused-credentials");
        assertThat(key.dedupKey()).isEqualTo("key:2");
        assertThat(password.dedupKey()).isEqualTo("password");
        assertThat(UnusedAccessType.of("ExternalAccess")).isEmpty();
    }

    @Test
    void aPlanWithoutChangesOrAUsersRetirementReportsNothingHere() {
        Evidence evidence = new Evidence(NOW, NOW, 30, List.of(), 0, null, List.of(), Map.of(), List.of());
        assertThat(UnusedAccessRules.fromPlan(role(), Plan.nothing("all used", evidence))).isEmpty();
        PrincipalPermissions user = new PrincipalPermissions(USER, "user", "legacy-batch", NOW, Map.of(),
                List.of(), List.of(), null, null);
        assertThat(UnusedAccessRules.fromPlan(user, plan(ProposalKind.RETIRE, List.of(removal("s3:GetObject", null)))))
                .as("an unused user is the credential rule's finding").isEmpty();
    }
}

package io.accessloop.drift.rightsizing.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.accessloop.drift.rightsizing.domain.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class GroupPlanTest {

    private static final String USER = "arn:aws:iam::000000000000:user/analyst";
    private static final String GROUP_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:GetObject\",\"sqs:SendMessage\"],\"Resource\":\"*\"}]}";
    private static final String SHARED_ARN = "arn:aws:iam::000000000000:policy/team-queues";
    private static final String SHARED = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"sqs:ReceiveMessage\",\"Resource\":\"*\"}]}";

    private static PrincipalPermissions analyst(Duration managedAge) {
        PrincipalPermissions.GroupPolicies team = new PrincipalPermissions.GroupPolicies("analysts",
                List.of(new PrincipalPermissions.InlinePolicy("read-and-send", GROUP_POLICY)),
                List.of(new PrincipalPermissions.ManagedPolicy(SHARED_ARN, "team-queues", SHARED, 3,
                        NOW.minus(managedAge))));
        return new PrincipalPermissions(USER, "user", "analyst", NOW.minus(Duration.ofDays(200)), Map.of(), List.of(),
                List.of(), null, null, List.of(team));
    }

    private static PlanRequest request(PrincipalPermissions p) {
        return new PlanRequest(p, List.of(new UsedAction("s3:GetObject", "arn:aws:s3:::b/k", 10,
                NOW.minus(Duration.ofDays(1)))), Map.of(), List.of(), Set.of(), Duration.ofDays(30), NOW,
                NOW.minus(Duration.ofDays(90)), false);
    }

    @Test
    void aUserLeavesAGroupItUsesOnlyPartOfAndKeepsAnInlineCopyTheGroupStaysForOthers() {
        PrincipalPermissions p = analyst(Duration.ofDays(100));

        Plan plan = ProposalPlanner.plan(request(p));

        assertThat(plan.changes()).extracting(PolicyChange::kind).containsExactly(ChangeKind.ADD_INLINE,
                ChangeKind.LEAVE_GROUP);
        PolicyChange copy = plan.changes().get(0);
        assertThat(copy.replaces()).isEqualTo("group:analysts/read-and-send");
        assertThat(copy.after()).contains("s3:GetObject").doesNotContain("sqs:SendMessage");
        assertThat(plan.changes().get(1).policy()).isEqualTo("analysts");
        assertThat(plan.evidence().removals()).extracting(Removal::action)
                .containsExactlyInAnyOrder("sqs:SendMessage", "sqs:ReceiveMessage");
        assertThat(plan.evidence().notes()).anyMatch(n -> n.contains("group analysts is shared"));
        assertThat(plan.proof().passed()).as("the copy lies inside the group policy; the observed call stays allowed")
                .isTrue();
        assertThat(ProofChecker.proposedGroups(p, plan.changes())).isEmpty();
        assertThat(p.fingerprint()).isNotEqualTo(new PrincipalPermissions(USER, "user", "analyst", p.createdAt(),
                Map.of(), List.of(), List.of(), null, null).fingerprint());
    }

    @Test
    void aGroupWithAPolicyGrantedInsideTheWindowIsLeftAsIs() {
        Plan plan = ProposalPlanner.plan(request(analyst(Duration.ofDays(5))));

        assertThat(plan.hasChanges()).isFalse();
        assertThat(plan.evidence().exemptions()).containsKey("group:analysts");
    }

    @Test
    void aCopyThatWouldWidenTheGroupPolicyFailsTheProof() {
        PrincipalPermissions p = analyst(Duration.ofDays(100));
        PolicyChange wider = new PolicyChange(ChangeKind.ADD_INLINE, "copy", null, "{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}",
                "group:analysts/read-and-send");

        Proof proof = ProofChecker.check(p, List.of(wider, new PolicyChange(ChangeKind.LEAVE_GROUP, "analysts", null,
                null, null)), List.of(), NOW);

        assertThat(proof.subsetOfCurrent()).isFalse();
        assertThat(proof.passed()).isFalse();
    }
}

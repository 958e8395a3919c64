package io.accessloop.broker.catalog;

import io.accessloop.broker.catalog.domain.ApprovalRule;
import io.accessloop.broker.catalog.domain.BusinessHours;
import io.accessloop.broker.catalog.domain.RuleDecision;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalRuleTest {

    private static final Instant MONDAY_10_UTC = Instant.parse("2026-11-30T10:00:00Z");
    private static final Instant SATURDAY_10_UTC = Instant.parse("2026-12-05T10:00:00Z");

    private final BusinessHours office = new BusinessHours(ZoneId.of("UTC"),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0));

    @Test
    void automaticRuleNeedsNobody() {
        RuleDecision d = new ApprovalRule(true, 0, List.of("leads"), List.of(), Optional.empty())
                .decide(Set.of("team"), MONDAY_10_UTC);
        assertThat(d.automatic()).isTrue();
        assertThat(d.explanation()).startsWith("approval.automatic");
    }

    @Test
    void onCallPeopleAreApprovedAutomaticallyOthersNeedApprovals() {
        ApprovalRule rule = new ApprovalRule(false, 2, List.of("leads"), List.of("oncall"), Optional.empty());

        assertThat(rule.decide(Set.of("team", "oncall"), MONDAY_10_UTC).explanation())
                .isEqualTo("approval.automaticFor.groups: the requester is in group oncall");
        RuleDecision other = rule.decide(Set.of("team"), MONDAY_10_UTC);
        assertThat(other.automatic()).isFalse();
        assertThat(other.requiredApprovals()).isEqualTo(2);
        assertThat(other.explanation()).isEqualTo("approval.required: 2 approval(s) from leads");
    }

    @Test
    void businessHoursApproveAutomaticallyOnlyInsideTheWindow() {
        ApprovalRule rule = new ApprovalRule(false, 1, List.of("leads"), List.of(), Optional.of(office));

        assertThat(rule.decide(Set.of(), MONDAY_10_UTC).automatic()).isTrue();
        assertThat(rule.decide(Set.of(), SATURDAY_10_UTC).automatic()).isFalse();
        assertThat(rule.decide(Set.of(), Instant.parse("2026-11-30T18:00:00Z")).automatic()).isFalse();
    }

    @Test
    void approversAreMembersOfTheApproverGroups() {
        ApprovalRule rule = new ApprovalRule(false, 1, List.of("leads", "security-leads"), List.of(), Optional.empty());
        assertThat(rule.isApprover(Set.of("employee", "security-leads"))).isTrue();
        assertThat(rule.isApprover(Set.of("employee", "approver"))).isFalse();
    }
}

package io.accessloop.lifecycle.expiry;

import io.accessloop.lifecycle.expiry.domain.DueReminder;
import io.accessloop.lifecycle.expiry.domain.GrantState;
import io.accessloop.lifecycle.expiry.domain.ReminderPlan;
import io.accessloop.lifecycle.expiry.domain.ReminderVerdicts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

class ReminderRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final ReminderPlan PLAN = new ReminderPlan(List.of(Duration.ofMinutes(10), Duration.ofHours(1)));

    @Test
    void aGrantWithTimeLeftGetsEveryLeadAtItsTime() {
        Instant end = NOW.plus(Duration.ofHours(3));
        assertThat(PLAN.plan(end, NOW)).containsExactly(
                new ReminderPlan.PlannedReminder(Duration.ofHours(1), end.minus(Duration.ofHours(1)), false),
                new ReminderPlan.PlannedReminder(Duration.ofMinutes(10), end.minus(Duration.ofMinutes(10)), false));
    }

    @Test
    void aLeadAlreadyPastIsSkippedButTheShortestIsSentAtOnce() {
        assertThat(PLAN.plan(NOW.plus(Duration.ofMinutes(30)), NOW)).containsExactly(
                new ReminderPlan.PlannedReminder(Duration.ofHours(1), NOW.minus(Duration.ofMinutes(30)), true),
                new ReminderPlan.PlannedReminder(Duration.ofMinutes(10), NOW.plus(Duration.ofMinutes(20)), false));
        assertThat(PLAN.plan(NOW.plus(Duration.ofMinutes(4)), NOW)).containsExactly(
                new ReminderPlan.PlannedReminder(Duration.ofHours(1), NOW.minus(Duration.ofMinutes(56)), true),
                new ReminderPlan.PlannedReminder(Duration.ofMinutes(10), NOW, false));
    }

    @Test
    void anEndedGrantGetsNoReminderAndBadLeadsAreRefused() {
        assertThat(PLAN.plan(NOW, NOW)).isEmpty();
        assertThat(PLAN.plan(NOW.minusSeconds(1), NOW)).isEmpty();
        assertThatThrownBy(() -> new ReminderPlan(List.of(Duration.ZERO))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderPlan(List.of(Duration.ofMinutes(-5))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderPlan(List.of(Duration.ofMillis(1500))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRunningGrantAlwaysGetsExactlyOneReminderNotSkippedThatIsDueBeforeItsEnd() {
        qt().withExamples(500).forAll(integers().between(1, 6 * 3600)).check(secondsLeft -> {
            Instant end = NOW.plusSeconds(secondsLeft);
            List<ReminderPlan.PlannedReminder> planned = PLAN.plan(end, NOW);
            return planned.size() == 2
                    && planned.stream().filter(r -> !r.skipped()).allMatch(r -> !r.dueAt().isBefore(NOW)
                    && r.dueAt().isBefore(end))
                    && planned.stream().anyMatch(r -> !r.skipped() && r.lead().equals(Duration.ofMinutes(10)));
        });
    }

    @Test
    void dueRemindersAreSentOnlyForTheirGrantsCurrentEndAndTheShortestDueLead() {
        Instant end = NOW.plus(Duration.ofMinutes(5));
        assertThat(ReminderVerdicts.settle(due(GrantState.ACTIVE, end, end, false), NOW))
                .isEqualTo(ReminderVerdicts.Verdict.SEND);
        assertThat(ReminderVerdicts.settle(due(GrantState.ACTIVE, end, end, true), NOW))
                .isEqualTo(ReminderVerdicts.Verdict.SKIP);
        assertThat(ReminderVerdicts.settle(due(GrantState.ENDED, end, end, false), NOW))
                .isEqualTo(ReminderVerdicts.Verdict.CANCEL);
        assertThat(ReminderVerdicts.settle(due(GrantState.REVOKE_SENT, end, end, false), NOW))
                .isEqualTo(ReminderVerdicts.Verdict.CANCEL);
        assertThat(ReminderVerdicts.settle(due(GrantState.ACTIVE, end, end.plusSeconds(600), false), NOW))
                .as("the end moved: the reminder was re-planned").isEqualTo(ReminderVerdicts.Verdict.CANCEL);
        assertThat(ReminderVerdicts.settle(due(GrantState.ACTIVE, NOW, NOW, false), NOW))
                .as("the end has come").isEqualTo(ReminderVerdicts.Verdict.CANCEL);
    }

    private static DueReminder due(GrantState state, Instant plannedEnd, Instant grantEnd, boolean shorterDue) {
        return new DueReminder("grt_1", 3600, plannedEnd, state, grantEnd, shorterDue);
    }
}

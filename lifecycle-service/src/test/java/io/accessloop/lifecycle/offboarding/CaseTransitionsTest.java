package io.accessloop.lifecycle.offboarding;

import io.accessloop.lifecycle.offboarding.domain.CaseState;
import io.accessloop.lifecycle.offboarding.domain.CaseStatus;
import io.accessloop.lifecycle.offboarding.domain.CaseTransitions;
import io.accessloop.lifecycle.offboarding.domain.SagaStep;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseTransitionsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");
    private static final Duration FIRST = Duration.ofSeconds(5);
    private static final Duration MAX = Duration.ofSeconds(60);

    @Test
    void aFutureDatedCaseIsScheduledAndOnlyDueAtItsDate() {
        CaseState scheduled = CaseTransitions.open(NOW.plusSeconds(3600), NOW);
        assertThat(scheduled.status()).isEqualTo(CaseStatus.SCHEDULED);
        assertThat(CaseTransitions.due(scheduled, NOW)).isFalse();
        assertThat(CaseTransitions.due(scheduled, NOW.plusSeconds(3600))).isTrue();
        assertThatThrownBy(() -> CaseTransitions.start(scheduled, NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(CaseTransitions.open(NOW, NOW).status()).isEqualTo(CaseStatus.RECEIVED);
    }

    @Test
    void theHappyPathGoesThroughEveryStepToClosed() {
        CaseState state = CaseTransitions.start(CaseTransitions.open(NOW, NOW), NOW);
        assertThat(state.status()).isEqualTo(CaseStatus.RUNNING);
        for (SagaStep step : new SagaStep[]{SagaStep.REVOKE_ACCESS, SagaStep.CLEAN_IAM_USERS, SagaStep.FLAG_OWNED_ROLES}) {
            state = CaseTransitions.completed(state, step);
            assertThat(state.status()).isEqualTo(CaseStatus.RUNNING);
        }
        state = CaseTransitions.completed(state, SagaStep.VERIFY);
        assertThat(state.status()).isEqualTo(CaseStatus.VERIFIED);
        state = CaseTransitions.completed(CaseTransitions.start(state, NOW), SagaStep.CLOSE);
        assertThat(state).isEqualTo(new CaseState(CaseStatus.CLOSED, SagaStep.DONE, 0, null));
        CaseState closed = state;
        assertThat(CaseTransitions.due(closed, NOW.plusSeconds(999_999))).isFalse();
    }

    @Test
    void stepsCannotBeSkippedOrRunTwice() {
        CaseState running = CaseTransitions.start(CaseTransitions.open(NOW, NOW), NOW);
        assertThatThrownBy(() -> CaseTransitions.completed(running, SagaStep.VERIFY))
                .isInstanceOf(IllegalStateException.class);
        CaseState afterRevoke = CaseTransitions.completed(running, SagaStep.REVOKE_ACCESS);
        assertThatThrownBy(() -> CaseTransitions.completed(afterRevoke, SagaStep.REVOKE_ACCESS))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void failuresRetryTheSameStepWithAGrowingCappedBackOff() {
        CaseState running = CaseTransitions.completed(CaseTransitions.start(CaseTransitions.open(NOW, NOW), NOW),
                SagaStep.REVOKE_ACCESS);
        CaseState failed = CaseTransitions.failed(running, NOW, FIRST, MAX);
        assertThat(failed).isEqualTo(new CaseState(CaseStatus.RETRYING, SagaStep.CLEAN_IAM_USERS, 1, NOW.plus(FIRST)));
        assertThat(CaseTransitions.due(failed, NOW)).isFalse();

        CaseState state = failed;
        for (int i = 0; i < 10; i++) {
            state = CaseTransitions.failed(CaseTransitions.start(state, state.nextAttemptAt()), NOW, FIRST, MAX);
        }
        assertThat(state.attempts()).isEqualTo(11);
        assertThat(state.nextAttemptAt()).isEqualTo(NOW.plus(MAX));
        assertThat(state.nextStep()).isEqualTo(SagaStep.CLEAN_IAM_USERS);
    }

    @Test
    void aFailedVerificationCleansUpAgainBeforeVerifyingAgain() {
        CaseState verifying = new CaseState(CaseStatus.RUNNING, SagaStep.VERIFY, 0, null);
        CaseState again = CaseTransitions.verificationFailed(verifying, NOW, FIRST, MAX);
        assertThat(again.status()).isEqualTo(CaseStatus.RETRYING);
        assertThat(again.nextStep()).isEqualTo(SagaStep.CLEAN_IAM_USERS);
        assertThatThrownBy(() -> CaseTransitions.verificationFailed(
                new CaseState(CaseStatus.RUNNING, SagaStep.CLOSE, 0, null), NOW, FIRST, MAX))
                .isInstanceOf(IllegalStateException.class);
    }
}

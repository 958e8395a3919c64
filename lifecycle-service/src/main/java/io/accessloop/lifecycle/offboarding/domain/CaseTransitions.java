package io.accessloop.lifecycle.offboarding.domain;

import java.time.Duration;
import java.time.Instant;

/** The offboarding state machine: every change of a case goes through one of these named commands. */
public final class CaseTransitions {

    private CaseTransitions() {
    }

    /** A new case: scheduled when it takes effect later, received (to run now) otherwise. */
    public static CaseState open(Instant effectiveAt, Instant now) {
        return effectiveAt.isAfter(now)
                ? new CaseState(CaseStatus.SCHEDULED, SagaStep.REVOKE_ACCESS, 0, effectiveAt)
                : new CaseState(CaseStatus.RECEIVED, SagaStep.REVOKE_ACCESS, 0, now);
    }

    /** Whether a worker may take the case now (a running case only once its previous worker's lease ran out). */
    public static boolean due(CaseState state, Instant now) {
        return switch (state.status()) {
            case RECEIVED, RUNNING, VERIFIED -> true;
            case SCHEDULED, RETRYING -> !state.nextAttemptAt().isAfter(now);
            case CLOSED -> false;
        };
    }

    /** A worker takes the case up at its next step. */
    public static CaseState start(CaseState state, Instant now) {
        if (!due(state, now)) {
            throw new IllegalStateException("case is not due: " + state);
        }
        CaseStatus status = state.status() == CaseStatus.VERIFIED ? CaseStatus.VERIFIED : CaseStatus.RUNNING;
        return new CaseState(status, state.nextStep(), state.attempts(), state.nextAttemptAt());
    }

    /** The step committed; verification moves the case to VERIFIED, closing to CLOSED. */
    public static CaseState completed(CaseState state, SagaStep step) {
        if (step != state.nextStep()) {
            throw new IllegalStateException(step + " is not the next step of " + state);
        }
        if (state.status() != CaseStatus.RUNNING && state.status() != CaseStatus.VERIFIED) {
            throw new IllegalStateException("only a running case completes steps: " + state);
        }
        CaseStatus status = switch (step) {
            case VERIFY -> CaseStatus.VERIFIED;
            case CLOSE -> CaseStatus.CLOSED;
            default -> state.status();
        };
        return new CaseState(status, step.next(), 0, null);
    }

    /** The step failed; it is retried after an exponential back-off. */
    public static CaseState failed(CaseState state, Instant now, Duration firstDelay, Duration maxDelay) {
        return retry(state, state.nextStep(), now, firstDelay, maxDelay);
    }

    /** The scan still found something: clean up again from the IAM step, then verify again. */
    public static CaseState verificationFailed(CaseState state, Instant now, Duration firstDelay, Duration maxDelay) {
        if (state.nextStep() != SagaStep.VERIFY) {
            throw new IllegalStateException("not verifying: " + state);
        }
        return retry(state, SagaStep.CLEAN_IAM_USERS, now, firstDelay, maxDelay);
    }

    private static CaseState retry(CaseState state, SagaStep from, Instant now, Duration firstDelay, Duration maxDelay) {
        if (state.status() != CaseStatus.RUNNING && state.status() != CaseStatus.VERIFIED) {
            throw new IllegalStateException("only a running case can fail: " + state);
        }
        int attempts = state.attempts() + 1;
        Duration delay = firstDelay.multipliedBy(1L << Math.min(attempts - 1, 20));
        if (delay.compareTo(maxDelay) > 0) {
            delay = maxDelay;
        }
        return new CaseState(CaseStatus.RETRYING, from, attempts, now.plus(delay));
    }
}

package io.accessloop.lifecycle.offboarding.domain;

import java.time.Instant;

/**
 * The saga's position: status, the first step not yet done, failed attempts of that step and when the case may
 * be picked up next (the effective date of a scheduled case, the back-off of a retrying one).
 */
public record CaseState(CaseStatus status, SagaStep nextStep, int attempts, Instant nextAttemptAt) {
}

package io.accessloop.lifecycle.offboarding.service;

import io.accessloop.lifecycle.offboarding.domain.SagaStep;

import java.time.Instant;

/** A case a worker holds under lease {@code leaseOwner}, as read when it was claimed. */
record CaseClaim(String caseId, String identity, String employeeId, Instant effectiveAt, SagaStep nextStep,
                 String leaseOwner) {
}

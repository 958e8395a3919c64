package io.accessloop.drift.remediation.domain;

/** Carries out a remediation in an AWS account. Blocking; a failure is thrown with AWS's reason. */
public interface Remediator {

    RemediationResult apply(String accountId, RemediationAction action);
}

package io.accessloop.drift.rightsizing.domain;

import java.time.Instant;
import java.util.List;

/**
 * IAM Access Analyzer's verdict on a proposal, beside Accessloop's own proof: {@code CheckNoNewAccess} of every new
 * document against the one it replaces, and {@code ValidatePolicy} of every new document.
 *
 * @param status {@link Status#FAILED} blocks apply; {@link Status#UNAVAILABLE} (the account does not allow the calls,
 *               or Access Analyzer did not answer) is shown and does not block
 * @param detail why the checks are unavailable; empty otherwise
 */
public record AnalyzerChecks(Status status, List<PolicyCheck> policies, String detail, Instant checkedAt) {

    /** The outcome over all policies. */
    public enum Status {
        PASSED, FAILED, UNAVAILABLE
    }

    /**
     * The checks of one new document.
     *
     * @param policy      the inline policy name the document is written under
     * @param comparedTo  what it was compared with (the replaced inline policy name or managed policy ARN)
     * @param noNewAccess {@code PASS} or {@code FAIL}
     * @param reasons     why CheckNoNewAccess failed
     */
    public record PolicyCheck(String policy, String comparedTo, String noNewAccess, List<String> reasons,
                              List<ValidationFinding> validation) {

        public PolicyCheck {
            reasons = List.copyOf(reasons);
            validation = List.copyOf(validation);
        }

        public boolean fails() {
            return "FAIL".equals(noNewAccess) || validation.stream().anyMatch(ValidationFinding::blocking);
        }
    }

    /** One ValidatePolicy finding: {@code ERROR}, {@code SECURITY_WARNING}, {@code WARNING} or {@code SUGGESTION}. */
    public record ValidationFinding(String findingType, String issueCode, String detail) {

        /** Errors and security warnings block apply; warnings and suggestions are shown only. */
        public boolean blocking() {
            return "ERROR".equals(findingType) || "SECURITY_WARNING".equals(findingType);
        }
    }

    public AnalyzerChecks {
        policies = List.copyOf(policies);
        detail = detail == null ? "" : detail;
    }

    /** The verdict over the given checks. */
    public static AnalyzerChecks of(List<PolicyCheck> policies, Instant at) {
        boolean failed = policies.stream().anyMatch(PolicyCheck::fails);
        return new AnalyzerChecks(failed ? Status.FAILED : Status.PASSED, policies, "", at);
    }

    public static AnalyzerChecks unavailable(String why, Instant at) {
        return new AnalyzerChecks(Status.UNAVAILABLE, List.of(), why, at);
    }

    public boolean blocksApply() {
        return status == Status.FAILED;
    }

    /** A one-line reason for a refusal. */
    public String failureSummary() {
        StringBuilder sb = new StringBuilder();
        for (PolicyCheck c : policies) {
            if (!c.fails()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(c.policy()).append(':');
            if ("FAIL".equals(c.noNewAccess())) {
                sb.append(" CheckNoNewAccess FAIL").append(c.reasons().isEmpty() ? "" : " (" + c.reasons().get(0) + ")");
            }
            c.validation().stream().filter(ValidationFinding::blocking)
                    .forEach(v -> sb.append(" ValidatePolicy ").append(v.findingType()).append(' ').append(v.issueCode()));
        }
        return sb.toString();
    }
}

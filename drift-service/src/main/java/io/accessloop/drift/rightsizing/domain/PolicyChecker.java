package io.accessloop.drift.rightsizing.domain;

import java.util.List;

/**
 * Port: a second, independent check of proposed identity policies (IAM Access Analyzer's {@code CheckNoNewAccess}
 * and {@code ValidatePolicy}). Throws {@link CheckUnavailableException} when the account does not allow the calls
 * or the service does not answer.
 */
public interface PolicyChecker {

    /** Whether checks are switched on at all. */
    boolean enabled();

    /** {@code PASS} or {@code FAIL} with the reasons. */
    NoNewAccess checkNoNewAccess(String proposedDocument, String existingDocument);

    List<AnalyzerChecks.ValidationFinding> validate(String document);

    /** The answer of CheckNoNewAccess. */
    record NoNewAccess(String result, List<String> reasons) {
    }

    /** The checks could not run (no permission, no answer). */
    class CheckUnavailableException extends RuntimeException {
        public CheckUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

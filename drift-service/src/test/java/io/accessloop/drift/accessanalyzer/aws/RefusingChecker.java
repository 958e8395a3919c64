package io.accessloop.drift.accessanalyzer.aws;

import io.accessloop.drift.rightsizing.domain.AnalyzerChecks;

import java.util.List;

/**
 * Stands in for {@link AnalyzerPolicyChecker} where AWS's CheckNoNewAccess would fail a document Accessloop's own
 * proof passes: the sandbox answers with the same comparator as the proof, so the two never disagree there.
 */
public final class RefusingChecker extends AnalyzerPolicyChecker {

    public RefusingChecker() {
        super(null, null);
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public NoNewAccess checkNoNewAccess(String proposedDocument, String existingDocument) {
        return new NoNewAccess("FAIL", List.of("New access in the statement: it allows resources the existing "
                + "policy does not."));
    }

    @Override
    public List<AnalyzerChecks.ValidationFinding> validate(String document) {
        return List.of();
    }
}

package io.accessloop.drift.accessanalyzer.aws;

import io.accessloop.drift.accessanalyzer.config.AccessAnalyzerSettings;
import io.accessloop.drift.rightsizing.domain.AnalyzerChecks;
import io.accessloop.drift.rightsizing.domain.PolicyChecker;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.accessanalyzer.model.AccessAnalyzerException;
import software.amazon.awssdk.services.accessanalyzer.model.AccessCheckPolicyType;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoNewAccessResponse;
import software.amazon.awssdk.services.accessanalyzer.model.PolicyType;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyFinding;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link PolicyChecker} over IAM Access Analyzer's {@code CheckNoNewAccess} and {@code ValidatePolicy}. A document
 * Access Analyzer refuses as invalid fails the check; no permission, throttling or no answer makes the checks
 * unavailable (the proof still gates apply).
 */
@ApplicationScoped
public class AnalyzerPolicyChecker implements PolicyChecker {

    private final AnalyzerAws aws;
    private final AccessAnalyzerSettings settings;

    AnalyzerPolicyChecker(AnalyzerAws aws, AccessAnalyzerSettings settings) {
        this.aws = aws;
        this.settings = settings;
    }

    @Override
    public boolean enabled() {
        return settings.policyChecks();
    }

    @Override
    public NoNewAccess checkNoNewAccess(String proposedDocument, String existingDocument) {
        try {
            CheckNoNewAccessResponse r = aws.analyzer().checkNoNewAccess(b -> b.newPolicyDocument(proposedDocument)
                    .existingPolicyDocument(existingDocument).policyType(AccessCheckPolicyType.IDENTITY_POLICY));
            List<String> reasons = new ArrayList<>();
            r.reasons().forEach(reason -> reasons.add(reason.description()));
            return new NoNewAccess(r.resultAsString(), reasons);
        } catch (AccessAnalyzerException e) {
            if (invalidDocument(e)) {
                return new NoNewAccess("FAIL", List.of(e.awsErrorDetails().errorMessage()));
            }
            throw unavailable("CheckNoNewAccess", e);
        } catch (SdkClientException e) {
            throw unavailable("CheckNoNewAccess", e);
        }
    }

    @Override
    public List<AnalyzerChecks.ValidationFinding> validate(String document) {
        try {
            List<AnalyzerChecks.ValidationFinding> out = new ArrayList<>();
            for (ValidatePolicyFinding f : aws.analyzer().validatePolicyPaginator(b -> b.policyDocument(document)
                    .policyType(PolicyType.IDENTITY_POLICY)).findings()) {
                out.add(new AnalyzerChecks.ValidationFinding(f.findingTypeAsString(), f.issueCode(),
                        f.findingDetails()));
            }
            return out;
        } catch (AccessAnalyzerException | SdkClientException e) {
            throw unavailable("ValidatePolicy", e);
        }
    }

    private static boolean invalidDocument(AccessAnalyzerException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return "InvalidParameterException".equals(code);
    }

    private static CheckUnavailableException unavailable(String call, Exception e) {
        String why = e instanceof AccessAnalyzerException a && a.awsErrorDetails() != null
                ? a.awsErrorDetails().errorCode() + ": " + a.awsErrorDetails().errorMessage() : e.getMessage();
        return new CheckUnavailableException("IAM Access Analyzer " + call + " unavailable: " + why, e);
    }
}

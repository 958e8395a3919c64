package io.accessloop.drift.accessanalyzer.aws;

import io.accessloop.drift.accessanalyzer.config.AccessAnalyzerSettings;
import io.accessloop.drift.accessanalyzer.domain.PolicyGeneration;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.accessanalyzer.model.CloudTrailDetails;
import software.amazon.awssdk.services.accessanalyzer.model.GeneratedPolicy;
import software.amazon.awssdk.services.accessanalyzer.model.GetGeneratedPolicyResponse;
import software.amazon.awssdk.services.accessanalyzer.model.Trail;

import java.time.Instant;
import java.util.List;

/** {@link PolicyGeneration} over {@code StartPolicyGeneration} and {@code GetGeneratedPolicy}. */
@ApplicationScoped
public class AnalyzerPolicyGeneration implements PolicyGeneration {

    private final AnalyzerAws aws;
    private final AccessAnalyzerSettings settings;

    AnalyzerPolicyGeneration(AnalyzerAws aws, AccessAnalyzerSettings settings) {
        this.aws = aws;
        this.settings = settings;
    }

    @Override
    public String start(String principalArn, Instant start, Instant end) {
        try {
            return startJob(principalArn, start, end);
        } catch (SdkException e) {
            throw new UnavailableException(e.getMessage(), e);
        }
    }

    private String startJob(String principalArn, Instant start, Instant end) {
        CloudTrailDetails.Builder trail = CloudTrailDetails.builder().startTime(start).endTime(end);
        settings.generationTrailArn().ifPresent(arn -> trail.trails(Trail.builder().cloudTrailArn(arn)
                .allRegions(true).build()));
        settings.generationAccessRole().ifPresent(trail::accessRole);
        return aws.analyzer().startPolicyGeneration(r -> r.policyGenerationDetails(d -> d.principalArn(principalArn))
                .cloudTrailDetails(trail.build())).jobId();
    }

    @Override
    public Result result(String jobId) {
        GetGeneratedPolicyResponse r;
        try {
            r = aws.analyzer().getGeneratedPolicy(b -> b.jobId(jobId));
        } catch (SdkException e) {
            throw new UnavailableException(e.getMessage(), e);
        }
        String status = r.jobDetails().statusAsString();
        List<String> policies = r.generatedPolicyResult() == null ? List.of()
                : r.generatedPolicyResult().generatedPolicies().stream().map(GeneratedPolicy::policy).toList();
        String error = r.jobDetails().jobError() == null ? ""
                : r.jobDetails().jobError().codeAsString() + ": " + r.jobDetails().jobError().message();
        return new Result(status, policies, error);
    }
}

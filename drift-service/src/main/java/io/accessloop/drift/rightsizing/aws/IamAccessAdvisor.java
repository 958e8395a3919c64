package io.accessloop.drift.rightsizing.aws;

import io.accessloop.drift.rightsizing.domain.AccessAdvisor;
import io.accessloop.drift.rightsizing.domain.ServiceAccess;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.iam.model.AccessAdvisorUsageGranularityType;
import software.amazon.awssdk.services.iam.model.GetServiceLastAccessedDetailsResponse;
import software.amazon.awssdk.services.iam.model.JobStatusType;
import software.amazon.awssdk.services.iam.model.ServiceLastAccessed;
import software.amazon.awssdk.services.iam.model.TrackedActionLastAccessed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Access Advisor at action level: generate the report, wait for it, read every page. */
@ApplicationScoped
public class IamAccessAdvisor implements AccessAdvisor {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final RightsizingAws aws;

    IamAccessAdvisor(RightsizingAws aws) {
        this.aws = aws;
    }

    @Override
    public List<ServiceAccess> lastAccessed(String principalArn) {
        String jobId = aws.iam().generateServiceLastAccessedDetails(r -> r.arn(principalArn)
                .granularity(AccessAdvisorUsageGranularityType.ACTION_LEVEL)).jobId();
        Instant deadline = Instant.now().plus(WAIT);
        List<ServiceAccess> out = new ArrayList<>();
        String marker = null;
        while (true) {
            String page = marker;
            GetServiceLastAccessedDetailsResponse response = aws.iam().getServiceLastAccessedDetails(r -> r.jobId(jobId)
                    .marker(page));
            if (response.jobStatus() == JobStatusType.IN_PROGRESS) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Access Advisor job " + jobId + " did not finish in " + WAIT);
                }
                pause();
                continue;
            }
            if (response.jobStatus() == JobStatusType.FAILED) {
                throw new IllegalStateException("Access Advisor job failed: " + response.error());
            }
            response.servicesLastAccessed().forEach(s -> out.add(of(s)));
            if (!Boolean.TRUE.equals(response.isTruncated())) {
                return out;
            }
            marker = response.marker();
        }
    }

    private static ServiceAccess of(ServiceLastAccessed s) {
        Map<String, Instant> actions = null;
        if (s.hasTrackedActionsLastAccessed() && !s.trackedActionsLastAccessed().isEmpty()) {
            actions = new LinkedHashMap<>();
            for (TrackedActionLastAccessed a : s.trackedActionsLastAccessed()) {
                actions.put(a.actionName(), a.lastAccessedTime());
            }
        }
        return new ServiceAccess(s.serviceNamespace(), s.lastAuthenticated(), actions);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

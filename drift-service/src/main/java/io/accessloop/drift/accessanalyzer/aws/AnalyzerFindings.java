package io.accessloop.drift.accessanalyzer.aws;

import io.accessloop.drift.accessanalyzer.domain.UnusedAccessFinding;
import io.accessloop.drift.accessanalyzer.domain.UnusedAccessSource;
import io.accessloop.drift.accessanalyzer.domain.UnusedAccessType;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.accessanalyzer.model.AnalyzerSummary;
import software.amazon.awssdk.services.accessanalyzer.model.Criterion;
import software.amazon.awssdk.services.accessanalyzer.model.FindingDetails;
import software.amazon.awssdk.services.accessanalyzer.model.FindingSummaryV2;
import software.amazon.awssdk.services.accessanalyzer.model.GetFindingV2Response;
import software.amazon.awssdk.services.accessanalyzer.model.ListFindingsV2Response;
import software.amazon.awssdk.services.accessanalyzer.model.Type;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Unused-access analyzers and their active findings through {@code ListAnalyzers}, {@code ListFindingsV2}, {@code GetFindingV2}. */
@ApplicationScoped
public class AnalyzerFindings implements UnusedAccessSource {

    private final AnalyzerAws aws;

    AnalyzerFindings(AnalyzerAws aws) {
        this.aws = aws;
    }

    @Override
    public List<String> unusedAccessAnalyzers() {
        List<String> arns = new ArrayList<>();
        aws.analyzer().listAnalyzersPaginator(r -> r.type(Type.ACCOUNT_UNUSED_ACCESS)).analyzers().stream()
                .map(AnalyzerSummary::arn).forEach(arns::add);
        return arns;
    }

    @Override
    public List<UnusedAccessFinding> activeFindings(String analyzerArn) {
        List<UnusedAccessFinding> out = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            ListFindingsV2Response response = aws.analyzer().listFindingsV2(r -> r.analyzerArn(analyzerArn)
                    .filter(Map.of("status", Criterion.builder().eq("ACTIVE").build())).maxResults(100)
                    .nextToken(page));
            for (FindingSummaryV2 s : response.findings()) {
                Optional<UnusedAccessType> type = UnusedAccessType.of(s.findingTypeAsString());
                if (type.isEmpty() || !"ACTIVE".equals(s.statusAsString())) {
                    continue;
                }
                GetFindingV2Response detail = aws.analyzer().getFindingV2(r -> r.analyzerArn(analyzerArn).id(s.id()));
                out.add(of(analyzerArn, s, type.get(), detail.findingDetails()));
            }
            token = response.nextToken();
        } while (token != null);
        return out;
    }

    private static UnusedAccessFinding of(String analyzerArn, FindingSummaryV2 s, UnusedAccessType type,
                                          List<FindingDetails> details) {
        Instant last = null;
        String keyId = null;
        String service = null;
        List<UnusedAccessFinding.UnusedAction> actions = new ArrayList<>();
        for (FindingDetails d : details) {
            if (d.unusedIamRoleDetails() != null) {
                last = d.unusedIamRoleDetails().lastAccessed();
            } else if (d.unusedIamUserAccessKeyDetails() != null) {
                last = d.unusedIamUserAccessKeyDetails().lastAccessed();
                keyId = d.unusedIamUserAccessKeyDetails().accessKeyId();
            } else if (d.unusedIamUserPasswordDetails() != null) {
                last = d.unusedIamUserPasswordDetails().lastAccessed();
            } else if (d.unusedPermissionDetails() != null) {
                last = d.unusedPermissionDetails().lastAccessed();
                service = d.unusedPermissionDetails().serviceNamespace();
                d.unusedPermissionDetails().actions().forEach(a -> actions.add(
                        new UnusedAccessFinding.UnusedAction(a.action(), a.lastAccessed())));
            }
        }
        if (type == UnusedAccessType.UNUSED_PERMISSION && service == null) {
            service = "unknown";
        }
        return new UnusedAccessFinding(s.id(), analyzerArn, type, s.resource(), s.resourceType() == null ? null
                : s.resourceTypeAsString(), s.resourceOwnerAccount(), last, keyId, service, actions);
    }

    @Override
    public int accessKeySlot(String userArn, String accessKeyId) {
        String user = userArn.substring(userArn.lastIndexOf('/') + 1);
        try {
            List<AccessKeyMetadata> keys = new ArrayList<>(aws.iam().listAccessKeysPaginator(r -> r.userName(user))
                    .accessKeyMetadata().stream().toList());
            // the credential report numbers a user's keys in creation order
            keys.sort(Comparator.comparing(AccessKeyMetadata::createDate, Comparator.nullsLast(Comparator.naturalOrder())));
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i).accessKeyId().equals(accessKeyId)) {
                    return i + 1;
                }
            }
            return 0;
        } catch (NoSuchEntityException e) {
            return 0;
        }
    }
}

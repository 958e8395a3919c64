package io.accessloop.drift.aws;

import io.accessloop.drift.inventory.domain.AttachedPolicy;
import io.accessloop.drift.inventory.domain.AuthorizationDetails;
import io.accessloop.drift.inventory.domain.IamSnapshot;
import io.accessloop.drift.inventory.domain.InlinePolicy;
import io.accessloop.drift.inventory.domain.PolicyText;
import io.accessloop.drift.inventory.domain.ResourceType;
import io.accessloop.iam.policy.Arn;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UserDetail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link AuthorizationDetails} over IAM GetAccountAuthorizationDetails (customer-managed policies only). */
public class IamAuthorizationDetails implements AuthorizationDetails {

    private final IamClient client;

    IamAuthorizationDetails(IamClient client) {
        this.client = client;
    }

    @Override
    public List<IamSnapshot> snapshot(Instant capturedAt) {
        List<IamSnapshot> out = new ArrayList<>();
        for (GetAccountAuthorizationDetailsResponse page : client.getAccountAuthorizationDetailsPaginator(r -> r
                .filter(EntityType.USER, EntityType.GROUP, EntityType.ROLE, EntityType.LOCAL_MANAGED_POLICY))) {
            page.userDetailList().forEach(u -> out.add(user(u, capturedAt)));
            page.groupDetailList().forEach(g -> out.add(group(g, capturedAt)));
            page.roleDetailList().forEach(r -> out.add(role(r, capturedAt)));
            page.policies().forEach(p -> out.add(policy(p, capturedAt)));
        }
        return out;
    }

    private static IamSnapshot user(UserDetail u, Instant at) {
        return new IamSnapshot(account(u.arn()), ResourceType.USER, u.userId(), u.userName(), u.arn(), u.path(),
                u.createDate(), at, null, false, inline(u.userPolicyList()), attached(u.attachedManagedPolicies()),
                null, boundary(u.permissionsBoundary()), u.groupList().stream().sorted().toList(), tags(u.tags()),
                null, null, null, null);
    }

    private static IamSnapshot group(GroupDetail g, Instant at) {
        return new IamSnapshot(account(g.arn()), ResourceType.GROUP, g.groupId(), g.groupName(), g.arn(), g.path(),
                g.createDate(), at, null, false, inline(g.groupPolicyList()), attached(g.attachedManagedPolicies()),
                null, null, List.of(), Map.of(), null, null, null, null);
    }

    private static IamSnapshot role(RoleDetail r, Instant at) {
        return new IamSnapshot(account(r.arn()), ResourceType.ROLE, r.roleId(), r.roleName(), r.arn(), r.path(),
                r.createDate(), at, null, false, inline(r.rolePolicyList()), attached(r.attachedManagedPolicies()),
                PolicyText.decode(r.assumeRolePolicyDocument(), "assumeRolePolicyDocument"),
                boundary(r.permissionsBoundary()), List.of(), tags(r.tags()), null, null, null, null);
    }

    private static IamSnapshot policy(ManagedPolicyDetail p, Instant at) {
        String document = p.policyVersionList().stream().filter(PolicyVersion::isDefaultVersion)
                .map(v -> PolicyText.decode(v.document(), "policyVersionList." + v.versionId())).findFirst().orElse(null);
        return new IamSnapshot(account(p.arn()), ResourceType.POLICY, p.policyId(), p.policyName(), p.arn(), p.path(),
                p.createDate(), at, null, false, List.of(), List.of(), null, null, List.of(), Map.of(),
                p.defaultVersionId(), document, p.attachmentCount(), p.permissionsBoundaryUsageCount());
    }

    private static List<InlinePolicy> inline(List<PolicyDetail> policies) {
        return policies.stream().map(p -> new InlinePolicy(p.policyName(),
                        PolicyText.decode(p.policyDocument(), "inline " + p.policyName())))
                .sorted(Comparator.comparing(InlinePolicy::name)).toList();
    }

    private static List<AttachedPolicy> attached(List<software.amazon.awssdk.services.iam.model.AttachedPolicy> list) {
        return list.stream().map(p -> new AttachedPolicy(p.policyName(), p.policyArn()))
                .sorted(Comparator.comparing(AttachedPolicy::arn)).toList();
    }

    private static String boundary(AttachedPermissionsBoundary boundary) {
        return boundary == null ? null : boundary.permissionsBoundaryArn();
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new TreeMap<>();
        tags.forEach(t -> out.put(t.key(), t.value()));
        return out;
    }

    private static String account(String arn) {
        return Arn.parse(arn).account();
    }
}

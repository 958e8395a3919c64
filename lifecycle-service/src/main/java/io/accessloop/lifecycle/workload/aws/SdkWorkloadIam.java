package io.accessloop.lifecycle.workload.aws;

import io.accessloop.lifecycle.workload.domain.RetireAt;
import io.accessloop.lifecycle.workload.domain.RetireCandidate;
import io.accessloop.lifecycle.workload.domain.RoleDefinition;
import io.accessloop.lifecycle.workload.domain.WorkloadIam;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link WorkloadIam} over the AWS SDK (IAM returns policy documents URL-encoded; they are decoded here). */
@ApplicationScoped
public class SdkWorkloadIam implements WorkloadIam {

    private final IamClient iam;

    SdkWorkloadIam(IamClient iam) {
        this.iam = iam;
    }

    @Override
    public List<String> rolesOf(String workloadId) {
        List<String> roles = new ArrayList<>();
        for (Role role : iam.listRolesPaginator(b -> { }).roles()) {
            try {
                boolean tagged = iam.listRoleTags(b -> b.roleName(role.roleName())).tags().stream()
                        .anyMatch(t -> t.key().equals(WORKLOAD_TAG) && t.value().equals(workloadId));
                if (tagged) {
                    roles.add(role.roleName());
                }
            } catch (NoSuchEntityException gone) {
                // deleted while listing
            }
        }
        return roles;
    }

    @Override
    public List<RetireCandidate> rolesMarkedForRetirement() {
        List<RetireCandidate> marked = new ArrayList<>();
        for (Role role : iam.listRolesPaginator(b -> { }).roles()) {
            try {
                List<Tag> tags = iam.listRoleTags(b -> b.roleName(role.roleName())).tags();
                String retireAt = tag(tags, RetireAt.TAG);
                if (retireAt != null) {
                    marked.add(new RetireCandidate(role.roleName(), retireAt, tag(tags, WORKLOAD_TAG)));
                }
            } catch (NoSuchEntityException gone) {
                // deleted while listing
            }
        }
        return marked;
    }

    @Override
    public RoleDefinition describe(String roleName) {
        Role role = iam.getRole(b -> b.roleName(roleName)).role();
        Map<String, String> tags = new LinkedHashMap<>();
        iam.listRoleTags(b -> b.roleName(roleName)).tags().forEach(t -> tags.put(t.key(), t.value()));
        Map<String, String> inline = new LinkedHashMap<>();
        for (String name : iam.listRolePolicies(b -> b.roleName(roleName)).policyNames()) {
            inline.put(name, decode(iam.getRolePolicy(b -> b.roleName(roleName).policyName(name)).policyDocument()));
        }
        List<String> managed = iam.listAttachedRolePolicies(b -> b.roleName(roleName)).attachedPolicies().stream()
                .map(AttachedPolicy::policyArn).toList();
        List<String> profiles = iam.listInstanceProfilesForRole(b -> b.roleName(roleName)).instanceProfiles().stream()
                .map(InstanceProfile::instanceProfileName).toList();
        return new RoleDefinition(role.roleName(), role.arn(), role.path(), role.description(),
                role.maxSessionDuration(), decode(role.assumeRolePolicyDocument()),
                role.permissionsBoundary() == null ? null : role.permissionsBoundary().permissionsBoundaryArn(),
                tags, inline, managed, profiles);
    }

    @Override
    public List<String> delete(String roleName) {
        List<String> done = new ArrayList<>();
        try {
            for (InstanceProfile profile : iam.listInstanceProfilesForRole(b -> b.roleName(roleName)).instanceProfiles()) {
                iam.removeRoleFromInstanceProfile(b -> b.roleName(roleName)
                        .instanceProfileName(profile.instanceProfileName()));
                done.add("removed " + roleName + " from instance profile " + profile.instanceProfileName());
            }
            for (String name : iam.listRolePolicies(b -> b.roleName(roleName)).policyNames()) {
                iam.deleteRolePolicy(b -> b.roleName(roleName).policyName(name));
                done.add("deleted inline policy " + name + " of " + roleName);
            }
            for (AttachedPolicy policy : iam.listAttachedRolePolicies(b -> b.roleName(roleName)).attachedPolicies()) {
                iam.detachRolePolicy(b -> b.roleName(roleName).policyArn(policy.policyArn()));
                done.add("detached " + policy.policyArn() + " from " + roleName);
            }
            iam.deleteRole(b -> b.roleName(roleName));
            done.add("deleted role " + roleName);
        } catch (NoSuchEntityException gone) {
            done.add("role " + roleName + " is gone");
        }
        return done;
    }

    private static String tag(List<Tag> tags, String key) {
        return tags.stream().filter(t -> t.key().equals(key)).map(Tag::value).findFirst().orElse(null);
    }

    private static String decode(String document) {
        if (document == null) {
            return null;
        }
        return document.trim().startsWith("%") || document.contains("%22")
                ? URLDecoder.decode(document, StandardCharsets.UTF_8) : document;
    }
}

package io.accessloop.drift.rightsizing.aws;

import io.accessloop.drift.rightsizing.domain.ChangeKind;
import io.accessloop.drift.rightsizing.domain.PolicyChange;
import io.accessloop.drift.rightsizing.domain.PolicyWriter;
import io.accessloop.drift.rightsizing.domain.PrincipalDirectory;
import io.accessloop.drift.rightsizing.domain.PrincipalPermissions;
import io.accessloop.iam.policy.PolicyParser;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and writes roles' and users' identity policies through the IAM API. */
@ApplicationScoped
public class IamPrincipals implements PrincipalDirectory, PolicyWriter {

    private final RightsizingAws aws;

    IamPrincipals(RightsizingAws aws) {
        this.aws = aws;
    }

    @Override
    public Optional<PrincipalPermissions> permissions(String principalArn) {
        Target t = Target.of(principalArn);
        IamClient iam = aws.iam();
        try {
            if (t.role()) {
                Role role = iam.getRole(r -> r.roleName(t.name())).role();
                List<PrincipalPermissions.InlinePolicy> inline = new ArrayList<>();
                iam.listRolePoliciesPaginator(r -> r.roleName(t.name())).policyNames().forEach(n -> inline.add(
                        new PrincipalPermissions.InlinePolicy(n, PolicyParser.decode(
                                iam.getRolePolicy(r -> r.roleName(t.name()).policyName(n)).policyDocument()))));
                List<PrincipalPermissions.ManagedPolicy> managed = new ArrayList<>();
                iam.listAttachedRolePoliciesPaginator(r -> r.roleName(t.name())).attachedPolicies()
                        .forEach(a -> managed.add(managed(iam, a.policyArn())));
                String boundaryArn = role.permissionsBoundary() == null ? null
                        : role.permissionsBoundary().permissionsBoundaryArn();
                return Optional.of(new PrincipalPermissions(role.arn(), "role", role.roleName(), role.createDate(),
                        tags(role.tags()), inline, managed, boundaryArn, boundaryArn == null ? null
                        : managed(iam, boundaryArn).document()));
            }
            User user = iam.getUser(r -> r.userName(t.name())).user();
            List<PrincipalPermissions.InlinePolicy> inline = new ArrayList<>();
            iam.listUserPoliciesPaginator(r -> r.userName(t.name())).policyNames().forEach(n -> inline.add(
                    new PrincipalPermissions.InlinePolicy(n, PolicyParser.decode(
                            iam.getUserPolicy(r -> r.userName(t.name()).policyName(n)).policyDocument()))));
            List<PrincipalPermissions.ManagedPolicy> managed = new ArrayList<>();
            iam.listAttachedUserPoliciesPaginator(r -> r.userName(t.name())).attachedPolicies()
                    .forEach(a -> managed.add(managed(iam, a.policyArn())));
            String boundaryArn = user.permissionsBoundary() == null ? null
                    : user.permissionsBoundary().permissionsBoundaryArn();
            List<PrincipalPermissions.GroupPolicies> groups = new ArrayList<>();
            iam.listGroupsForUserPaginator(r -> r.userName(t.name())).groups().forEach(g -> groups.add(group(iam,
                    g.groupName())));
            return Optional.of(new PrincipalPermissions(user.arn(), "user", user.userName(), user.createDate(),
                    tags(user.tags()), inline, managed, boundaryArn, boundaryArn == null ? null
                    : managed(iam, boundaryArn).document(), groups));
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> principals() {
        List<String> arns = new ArrayList<>();
        aws.iam().listRolesPaginator().roles().forEach(r -> arns.add(r.arn()));
        aws.iam().listUsersPaginator().users().forEach(u -> arns.add(u.arn()));
        return arns;
    }

    private static PrincipalPermissions.GroupPolicies group(IamClient iam, String name) {
        List<PrincipalPermissions.InlinePolicy> inline = new ArrayList<>();
        iam.listGroupPoliciesPaginator(r -> r.groupName(name)).policyNames().forEach(n -> inline.add(
                new PrincipalPermissions.InlinePolicy(n, PolicyParser.decode(
                        iam.getGroupPolicy(r -> r.groupName(name).policyName(n)).policyDocument()))));
        List<PrincipalPermissions.ManagedPolicy> managed = new ArrayList<>();
        iam.listAttachedGroupPoliciesPaginator(r -> r.groupName(name)).attachedPolicies()
                .forEach(a -> managed.add(managed(iam, a.policyArn())));
        return new PrincipalPermissions.GroupPolicies(name, inline, managed);
    }

    private static PrincipalPermissions.ManagedPolicy managed(IamClient iam, String arn) {
        Policy policy = iam.getPolicy(r -> r.policyArn(arn)).policy();
        PolicyVersion version = iam.getPolicyVersion(r -> r.policyArn(arn).versionId(policy.defaultVersionId()))
                .policyVersion();
        return new PrincipalPermissions.ManagedPolicy(arn, policy.policyName(), PolicyParser.decode(version.document()),
                policy.attachmentCount() == null ? 0 : policy.attachmentCount(), version.createDate());
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tags != null) {
            tags.forEach(t -> out.put(t.key(), t.value()));
        }
        return out;
    }

    @Override
    public void apply(PrincipalPermissions principal, List<PolicyChange> changes) {
        Target t = Target.of(principal.arn());
        for (PolicyChange c : changes) {
            if (c.kind() == ChangeKind.REPLACE_INLINE || c.kind() == ChangeKind.ADD_INLINE) {
                putInline(t, c.policy(), c.after());
            }
        }
        for (PolicyChange c : changes) {
            if (c.kind() == ChangeKind.DETACH_MANAGED) {
                detach(t, c.policy());
            } else if (c.kind() == ChangeKind.DELETE_INLINE) {
                deleteInline(t, c.policy());
            } else if (c.kind() == ChangeKind.LEAVE_GROUP && !t.role()) {
                aws.iam().removeUserFromGroup(r -> r.groupName(c.policy()).userName(t.name()));
            }
        }
    }

    @Override
    public void restore(PrincipalPermissions current, PrincipalPermissions previous) {
        Target t = Target.of(previous.arn());
        previous.inline().forEach(p -> putInline(t, p.name(), p.document()));
        List<String> attached = current.managed().stream().map(PrincipalPermissions.ManagedPolicy::arn).toList();
        previous.managed().stream().filter(m -> !attached.contains(m.arn())).forEach(m -> attach(t, m.arn()));
        List<String> memberOf = current.groups().stream().map(PrincipalPermissions.GroupPolicies::name).toList();
        previous.groups().stream().filter(g -> !memberOf.contains(g.name()))
                .forEach(g -> aws.iam().addUserToGroup(r -> r.groupName(g.name()).userName(t.name())));
        List<String> keepInline = previous.inline().stream().map(PrincipalPermissions.InlinePolicy::name).toList();
        current.inline().stream().filter(p -> !keepInline.contains(p.name())).forEach(p -> deleteInline(t, p.name()));
        List<String> keepManaged = previous.managed().stream().map(PrincipalPermissions.ManagedPolicy::arn).toList();
        attached.stream().filter(a -> !keepManaged.contains(a)).forEach(a -> detach(t, a));
        List<String> keepGroups = previous.groups().stream().map(PrincipalPermissions.GroupPolicies::name).toList();
        memberOf.stream().filter(g -> !keepGroups.contains(g))
                .forEach(g -> aws.iam().removeUserFromGroup(r -> r.groupName(g).userName(t.name())));
    }

    private void putInline(Target t, String name, String document) {
        if (t.role()) {
            aws.iam().putRolePolicy(r -> r.roleName(t.name()).policyName(name).policyDocument(document));
        } else {
            aws.iam().putUserPolicy(r -> r.userName(t.name()).policyName(name).policyDocument(document));
        }
    }

    private void deleteInline(Target t, String name) {
        if (t.role()) {
            aws.iam().deleteRolePolicy(r -> r.roleName(t.name()).policyName(name));
        } else {
            aws.iam().deleteUserPolicy(r -> r.userName(t.name()).policyName(name));
        }
    }

    private void attach(Target t, String arn) {
        if (t.role()) {
            aws.iam().attachRolePolicy(r -> r.roleName(t.name()).policyArn(arn));
        } else {
            aws.iam().attachUserPolicy(r -> r.userName(t.name()).policyArn(arn));
        }
    }

    private void detach(Target t, String arn) {
        if (t.role()) {
            aws.iam().detachRolePolicy(r -> r.roleName(t.name()).policyArn(arn));
        } else {
            aws.iam().detachUserPolicy(r -> r.userName(t.name()).policyArn(arn));
        }
    }

    /** A role or user named by its ARN ({@code arn:aws:iam::1:role/path/name}). */
    private record Target(boolean role, String name) {

        static Target of(String arn) {
            int resource = arn.indexOf(':', arn.indexOf(":iam::") + 6);
            if (!arn.startsWith("arn:") || !arn.contains(":iam::") || resource < 0) {
                throw new IllegalArgumentException("not an IAM role or user ARN: " + arn);
            }
            String path = arn.substring(resource + 1);
            boolean role = path.startsWith("role/");
            if (!role && !path.startsWith("user/")) {
                throw new IllegalArgumentException("not an IAM role or user ARN: " + arn);
            }
            return new Target(role, path.substring(path.lastIndexOf('/') + 1));
        }
    }
}

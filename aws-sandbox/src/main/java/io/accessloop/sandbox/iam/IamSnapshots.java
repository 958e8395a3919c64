package io.accessloop.sandbox.iam;

import io.accessloop.sandbox.core.Doc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The AWS Config view of IAM resources: {@code configuration} objects with camelCase fields and URL-encoded
 * policy documents ({@code rolePolicyList}, {@code attachedManagedPolicies}, {@code policyVersionList}…).
 */
final class IamSnapshots {

    static final String ROLE = "AWS::IAM::Role";
    static final String USER = "AWS::IAM::User";
    static final String GROUP = "AWS::IAM::Group";
    static final String POLICY = "AWS::IAM::Policy";

    private IamSnapshots() {
    }

    static IamChange snapshot(IamStore store, Object entity) {
        if (entity instanceof Role r) {
            return store.findRole(r.name) == r
                    ? new IamChange(ROLE, r.id, r.name, r.arn, r.createDate, role(store, r), Map.copyOf(r.tags))
                    : null;
        }
        if (entity instanceof User u) {
            return store.findUser(u.name) == u
                    ? new IamChange(USER, u.id, u.name, u.arn, u.createDate, user(store, u), Map.copyOf(u.tags))
                    : null;
        }
        if (entity instanceof Group g) {
            return store.findGroup(g.name) == g
                    ? new IamChange(GROUP, g.id, g.name, g.arn, g.createDate, group(store, g), Map.of())
                    : null;
        }
        if (entity instanceof ManagedPolicy p && !p.awsManaged) {
            return store.findPolicy(p.arn) == p
                    ? new IamChange(POLICY, p.id, p.name, p.arn, p.createDate, policy(store, p), Map.copyOf(p.tags))
                    : null;
        }
        return null;
    }

    static IamChange deletion(Object entity) {
        if (entity instanceof Role r) {
            return new IamChange(ROLE, r.id, r.name, r.arn, r.createDate, null, Map.of());
        }
        if (entity instanceof User u) {
            return new IamChange(USER, u.id, u.name, u.arn, u.createDate, null, Map.of());
        }
        if (entity instanceof Group g) {
            return new IamChange(GROUP, g.id, g.name, g.arn, g.createDate, null, Map.of());
        }
        ManagedPolicy p = (ManagedPolicy) entity;
        return new IamChange(POLICY, p.id, p.name, p.arn, p.createDate, null, Map.of());
    }

    private static List<Doc> inline(Map<String, String> policies) {
        List<Doc> out = new ArrayList<>();
        policies.forEach((name, doc) -> out.add(Doc.of().with("policyName", name)
                .with("policyDocument", PolicyText.urlEncode(doc))));
        return out;
    }

    private static List<Doc> attached(IamStore store, Iterable<String> arns) {
        List<Doc> out = new ArrayList<>();
        for (Doc d : IamViews.attached(store, arns)) {
            out.add(Doc.of().with("policyName", d.get("PolicyName")).with("policyArn", d.get("PolicyArn")));
        }
        return out;
    }

    private static List<Doc> tags(Map<String, String> tags) {
        List<Doc> out = new ArrayList<>();
        tags.forEach((k, v) -> out.add(Doc.of().with("key", k).with("value", v)));
        return out;
    }

    private static Doc boundary(String arn) {
        return arn == null ? null : Doc.of().with("permissionsBoundaryType", "PermissionsBoundaryPolicy")
                .with("permissionsBoundaryArn", arn);
    }

    static Doc role(IamStore store, Role r) {
        List<Doc> profiles = new ArrayList<>();
        for (InstanceProfile ip : store.instanceProfiles.values()) {
            if (ip.roles.contains(r.name)) {
                profiles.add(Doc.of().with("path", ip.path).with("instanceProfileName", ip.name)
                        .with("instanceProfileId", ip.id).with("arn", ip.arn).with("createDate", ip.createDate));
            }
        }
        return Doc.of().with("path", r.path).with("roleName", r.name).with("roleId", r.id).with("arn", r.arn)
                .with("createDate", r.createDate)
                .with("assumeRolePolicyDocument", PolicyText.urlEncode(r.trustPolicy))
                .with("description", r.description).with("maxSessionDuration", r.maxSessionDuration)
                .with("instanceProfileList", profiles)
                .with("rolePolicyList", inline(r.inlinePolicies))
                .with("attachedManagedPolicies", attached(store, r.attachedPolicyArns))
                .with("permissionsBoundary", boundary(r.permissionsBoundaryArn))
                .with("tags", tags(r.tags));
    }

    static Doc user(IamStore store, User u) {
        return Doc.of().with("path", u.path).with("userName", u.name).with("userId", u.id).with("arn", u.arn)
                .with("createDate", u.createDate)
                .with("userPolicyList", inline(u.inlinePolicies))
                .with("groupList", new ArrayList<>(u.groups))
                .with("attachedManagedPolicies", attached(store, u.attachedPolicyArns))
                .with("permissionsBoundary", boundary(u.permissionsBoundaryArn))
                .with("tags", tags(u.tags));
    }

    static Doc group(IamStore store, Group g) {
        return Doc.of().with("path", g.path).with("groupName", g.name).with("groupId", g.id).with("arn", g.arn)
                .with("createDate", g.createDate)
                .with("groupPolicyList", inline(g.inlinePolicies))
                .with("attachedManagedPolicies", attached(store, g.attachedPolicyArns));
    }

    static Doc policy(IamStore store, ManagedPolicy p) {
        List<Doc> versions = new ArrayList<>();
        for (ManagedPolicy.Version v : p.versions.values()) {
            versions.add(Doc.of().with("document", PolicyText.urlEncode(v.document())).with("versionId", v.versionId())
                    .with("isDefaultVersion", v.versionId().equals(p.defaultVersionId))
                    .with("createDate", v.createDate()));
        }
        return Doc.of().with("policyName", p.name).with("policyId", p.id).with("arn", p.arn).with("path", p.path)
                .with("defaultVersionId", p.defaultVersionId)
                .with("attachmentCount", store.attachmentCount(p.arn))
                .with("permissionsBoundaryUsageCount", store.boundaryUsageCount(p.arn))
                .with("isAttachable", true).with("description", p.description)
                .with("createDate", p.createDate).with("updateDate", p.updateDate)
                .with("policyVersionList", versions);
    }
}

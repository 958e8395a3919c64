package io.accessloop.sandbox.iam;

import io.accessloop.sandbox.core.Doc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The IAM API shapes of the entities (Role, User, Group, Policy…), as the Query responses carry them. */
final class IamViews {

    private IamViews() {
    }

    static List<Doc> tags(Map<String, String> tags) {
        List<Doc> out = new ArrayList<>(tags.size());
        tags.forEach((k, v) -> out.add(Doc.of().with("Key", k).with("Value", v)));
        return out;
    }

    static Doc boundary(String arn) {
        return arn == null ? null : Doc.of().with("PermissionsBoundaryType", "Policy")
                .with("PermissionsBoundaryArn", arn);
    }

    static Doc role(Role r, boolean full) {
        Doc d = Doc.of().with("Path", r.path).with("RoleName", r.name).with("RoleId", r.id).with("Arn", r.arn)
                .with("CreateDate", r.createDate)
                .with("AssumeRolePolicyDocument", PolicyText.urlEncode(r.trustPolicy))
                .with("Description", r.description).with("MaxSessionDuration", r.maxSessionDuration)
                .with("PermissionsBoundary", boundary(r.permissionsBoundaryArn));
        if (!r.tags.isEmpty()) {
            d.with("Tags", tags(r.tags));
        }
        if (full) {
            Doc lastUsed = Doc.of().with("LastUsedDate", r.lastUsed).with("Region", r.lastUsedRegion);
            d.with("RoleLastUsed", lastUsed);
        }
        return d;
    }

    static Doc user(User u) {
        Doc d = Doc.of().with("Path", u.path).with("UserName", u.name).with("UserId", u.id).with("Arn", u.arn)
                .with("CreateDate", u.createDate).with("PasswordLastUsed", u.passwordLastUsed)
                .with("PermissionsBoundary", boundary(u.permissionsBoundaryArn));
        if (!u.tags.isEmpty()) {
            d.with("Tags", tags(u.tags));
        }
        return d;
    }

    static Doc group(Group g) {
        return Doc.of().with("Path", g.path).with("GroupName", g.name).with("GroupId", g.id).with("Arn", g.arn)
                .with("CreateDate", g.createDate);
    }

    static Doc policy(IamStore store, ManagedPolicy p) {
        Doc d = Doc.of().with("PolicyName", p.name).with("PolicyId", p.id).with("Arn", p.arn).with("Path", p.path)
                .with("DefaultVersionId", p.defaultVersionId)
                .with("AttachmentCount", store.attachmentCount(p.arn))
                .with("PermissionsBoundaryUsageCount", store.boundaryUsageCount(p.arn))
                .with("IsAttachable", true).with("Description", p.description)
                .with("CreateDate", p.createDate).with("UpdateDate", p.updateDate);
        if (!p.tags.isEmpty()) {
            d.with("Tags", tags(p.tags));
        }
        return d;
    }

    static Doc version(ManagedPolicy p, ManagedPolicy.Version v, boolean withDocument) {
        return Doc.of().with("Document", withDocument ? PolicyText.urlEncode(v.document()) : null)
                .with("VersionId", v.versionId()).with("IsDefaultVersion", v.versionId().equals(p.defaultVersionId))
                .with("CreateDate", v.createDate());
    }

    static Doc accessKeyMetadata(AccessKey k) {
        return Doc.of().with("UserName", k.userName).with("AccessKeyId", k.id)
                .with("Status", k.active ? "Active" : "Inactive").with("CreateDate", k.createDate);
    }

    static List<Doc> attached(IamStore store, Iterable<String> arns) {
        List<Doc> out = new ArrayList<>();
        for (String arn : arns) {
            ManagedPolicy p = store.findPolicy(arn);
            out.add(Doc.of().with("PolicyName", p == null ? arn.substring(arn.lastIndexOf('/') + 1) : p.name)
                    .with("PolicyArn", arn));
        }
        return out;
    }

    static Doc instanceProfile(IamStore store, InstanceProfile ip) {
        List<Doc> roles = new ArrayList<>();
        for (String roleName : ip.roles) {
            Role r = store.findRole(roleName);
            if (r != null) {
                roles.add(role(r, false));
            }
        }
        return Doc.of().with("Path", ip.path).with("InstanceProfileName", ip.name)
                .with("InstanceProfileId", ip.id).with("Arn", ip.arn).with("CreateDate", ip.createDate)
                .with("Roles", roles);
    }
}

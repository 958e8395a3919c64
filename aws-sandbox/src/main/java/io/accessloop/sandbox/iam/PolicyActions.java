package io.accessloop.sandbox.iam;

import io.accessloop.iam.policy.PolicyKind;
import io.accessloop.sandbox.core.AwsError;
import io.accessloop.sandbox.core.Doc;
import io.accessloop.sandbox.core.Ids;

import java.util.ArrayList;
import java.util.List;

/** Managed policies, their versions and who they are attached to. */
final class PolicyActions {

    private static final int MANAGED_QUOTA = 6144;

    private final IamStore store;
    private final IamRegistry registry;

    PolicyActions(IamStore store, IamRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    private static String managedDocument(IamCall c) {
        String json = IamSupport.policyDocument(c.params(), "PolicyDocument", PolicyKind.IDENTITY);
        if (IamSupport.countedCharacters(List.of(json)) > MANAGED_QUOTA) {
            throw AwsError.limitExceeded("Cannot exceed quota for PolicySize: " + MANAGED_QUOTA);
        }
        return json;
    }

    private ManagedPolicy customer(IamCall c) {
        ManagedPolicy policy = store.policy(IamSupport.policyArn(c.params()));
        if (policy.awsManaged && !c.params().action().startsWith("Get") && !c.params().action().startsWith("List")) {
            throw AwsError.invalidInput("Policy " + policy.arn + " is an AWS managed policy and cannot be changed.");
        }
        return policy;
    }

    void register() {
        registry.write("CreatePolicy", registry::policyArnFromParams, c -> {
            String name = IamSupport.name(c.params(), "PolicyName", 128);
            String path = IamSupport.path(c.params(), "Path");
            String document = managedDocument(c);
            String description = IamSupport.description(c.params());
            var tags = c.params().tags("Tags");
            String arn = "arn:aws:iam::" + store.accountId() + ":policy" + path + name;
            return store.write(c.now(), () -> {
                if (store.findPolicy(arn) != null) {
                    throw AwsError.alreadyExists("A policy called " + name + " already exists. Duplicate names are "
                            + "not allowed.");
                }
                ManagedPolicy policy = new ManagedPolicy(name, path, Ids.uniqueId("ANPA"), arn, description, c.now(),
                        false);
                policy.versions.put("v1", new ManagedPolicy.Version("v1", document, c.now()));
                policy.defaultVersionId = "v1";
                policy.nextVersion = 2;
                policy.tags.putAll(tags);
                store.policies.put(arn, policy);
                store.touch(policy);
                return Doc.of().with("Policy", IamViews.policy(store, policy));
            });
        });
        registry.read("GetPolicy", registry::policyArnFromParams, c -> store.read(() ->
                Doc.of().with("Policy", IamViews.policy(store, store.policy(IamSupport.policyArn(c.params()))))));
        registry.read("ListPolicies", c -> "*", this::list);
        registry.write("DeletePolicy", registry::policyArnFromParams, c -> store.write(c.now(), () -> {
            ManagedPolicy policy = customer(c);
            if (store.attachmentCount(policy.arn) > 0 || store.boundaryUsageCount(policy.arn) > 0) {
                throw AwsError.deleteConflict("Cannot delete a policy attached to entities.");
            }
            if (policy.versions.size() > 1) {
                throw AwsError.deleteConflict("This policy has more than one version. Before you delete a policy, "
                        + "you must delete the policy's versions. The default version is deleted with the policy.");
            }
            store.policies.remove(policy.arn);
            store.deleted(policy);
            return null;
        }));
        registry.write("CreatePolicyVersion", registry::policyArnFromParams, c -> {
            String document = managedDocument(c);
            boolean setAsDefault = c.params().bool("SetAsDefault", false);
            return store.write(c.now(), () -> {
                ManagedPolicy policy = customer(c);
                if (policy.versions.size() >= 5) {
                    throw AwsError.limitExceeded("A managed policy can have up to 5 versions. Before you create a new "
                            + "version, you must delete an existing version.");
                }
                String versionId = "v" + policy.nextVersion++;
                ManagedPolicy.Version version = new ManagedPolicy.Version(versionId, document, c.now());
                policy.versions.put(versionId, version);
                if (setAsDefault) {
                    policy.defaultVersionId = versionId;
                }
                policy.updateDate = c.now();
                store.touch(policy);
                return Doc.of().with("PolicyVersion", IamViews.version(policy, version, false));
            });
        });
        registry.read("GetPolicyVersion", registry::policyArnFromParams, c -> store.read(() -> {
            ManagedPolicy policy = store.policy(IamSupport.policyArn(c.params()));
            ManagedPolicy.Version version = version(policy, c.params().required("VersionId"));
            return Doc.of().with("PolicyVersion", IamViews.version(policy, version, true));
        }));
        registry.read("ListPolicyVersions", registry::policyArnFromParams, c -> store.read(() -> {
            ManagedPolicy policy = store.policy(IamSupport.policyArn(c.params()));
            List<Doc> all = new ArrayList<>();
            List<ManagedPolicy.Version> versions = new ArrayList<>(policy.versions.values());
            java.util.Collections.reverse(versions);
            versions.forEach(v -> all.add(IamViews.version(policy, v, false)));
            Doc paging = Doc.of();
            List<Doc> page = IamSupport.page(c.params(), all, paging);
            Doc out = Doc.of().with("Versions", new ArrayList<>(page));
            out.putAll(paging);
            return out;
        }));
        registry.write("DeletePolicyVersion", registry::policyArnFromParams, c -> store.write(c.now(), () -> {
            ManagedPolicy policy = customer(c);
            ManagedPolicy.Version version = version(policy, c.params().required("VersionId"));
            if (version.versionId().equals(policy.defaultVersionId)) {
                throw AwsError.deleteConflict("Cannot delete the default version of a policy.");
            }
            policy.versions.remove(version.versionId());
            store.touch(policy);
            return null;
        }));
        registry.write("SetDefaultPolicyVersion", registry::policyArnFromParams, c -> store.write(c.now(), () -> {
            ManagedPolicy policy = customer(c);
            ManagedPolicy.Version version = version(policy, c.params().required("VersionId"));
            policy.defaultVersionId = version.versionId();
            policy.updateDate = c.now();
            store.touch(policy);
            return null;
        }));
        registry.read("ListEntitiesForPolicy", registry::policyArnFromParams, this::entities);
        registry.write("TagPolicy", registry::policyArnFromParams, c -> store.write(c.now(), () -> {
            ManagedPolicy policy = customer(c);
            TagSupport.merge(policy.tags, c.params().tags("Tags"));
            store.touch(policy);
            return null;
        }));
        registry.write("UntagPolicy", registry::policyArnFromParams, c -> store.write(c.now(), () -> {
            ManagedPolicy policy = customer(c);
            c.params().members("TagKeys").forEach(k -> TagSupport.remove(policy.tags, k));
            store.touch(policy);
            return null;
        }));
        registry.read("ListPolicyTags", registry::policyArnFromParams, c -> store.read(() -> {
            ManagedPolicy policy = store.policy(IamSupport.policyArn(c.params()));
            Doc paging = Doc.of();
            List<Doc> page = IamSupport.page(c.params(), IamViews.tags(policy.tags), paging);
            Doc out = Doc.of().with("Tags", new ArrayList<>(page));
            out.putAll(paging);
            return out;
        }));
    }

    private static ManagedPolicy.Version version(ManagedPolicy policy, String versionId) {
        ManagedPolicy.Version version = policy.versions.get(versionId);
        if (version == null) {
            throw AwsError.noSuchEntity("Policy " + policy.arn + " version " + versionId + " does not exist or is "
                    + "not attachable.");
        }
        return version;
    }

    private Doc list(IamCall c) {
        String scope = c.params().getOr("Scope", "All");
        if (!scope.equals("All") && !scope.equals("AWS") && !scope.equals("Local")) {
            throw AwsError.validation("1 validation error detected: Value '" + scope + "' at 'scope' failed to "
                    + "satisfy constraint: Member must satisfy enum value set: [All, AWS, Local]");
        }
        boolean onlyAttached = c.params().bool("OnlyAttached", false);
        String prefix = c.params().get("PathPrefix");
        return store.read(() -> {
            List<Doc> all = new ArrayList<>();
            for (ManagedPolicy p : store.policies.values()) {
                if ((scope.equals("AWS") && !p.awsManaged) || (scope.equals("Local") && p.awsManaged)) {
                    continue;
                }
                if (onlyAttached && store.attachmentCount(p.arn) == 0) {
                    continue;
                }
                if (IamSupport.underPath(p.path, prefix)) {
                    all.add(IamViews.policy(store, p));
                }
            }
            Doc paging = Doc.of();
            List<Doc> page = IamSupport.page(c.params(), all, paging);
            Doc out = Doc.of().with("Policies", new ArrayList<>(page));
            out.putAll(paging);
            return out;
        });
    }

    private Doc entities(IamCall c) {
        String filter = c.params().get("EntityFilter");
        return store.read(() -> {
            ManagedPolicy policy = store.policy(IamSupport.policyArn(c.params()));
            List<Doc> groups = new ArrayList<>();
            List<Doc> users = new ArrayList<>();
            List<Doc> roles = new ArrayList<>();
            if (filter == null || filter.equals("Group")) {
                store.groups.values().stream().filter(g -> g.attachedPolicyArns.contains(policy.arn))
                        .forEach(g -> groups.add(Doc.of().with("GroupName", g.name).with("GroupId", g.id)));
            }
            if (filter == null || filter.equals("User")) {
                store.users.values().stream().filter(u -> u.attachedPolicyArns.contains(policy.arn))
                        .forEach(u -> users.add(Doc.of().with("UserName", u.name).with("UserId", u.id)));
            }
            if (filter == null || filter.equals("Role")) {
                store.roles.values().stream().filter(r -> r.attachedPolicyArns.contains(policy.arn))
                        .forEach(r -> roles.add(Doc.of().with("RoleName", r.name).with("RoleId", r.id)));
            }
            return Doc.of().with("PolicyGroups", groups).with("PolicyUsers", users).with("PolicyRoles", roles)
                    .with("IsTruncated", false);
        });
    }
}

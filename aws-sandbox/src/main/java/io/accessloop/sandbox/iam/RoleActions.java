package io.accessloop.sandbox.iam;

import io.accessloop.iam.policy.MalformedPolicyException;
import io.accessloop.iam.policy.PolicyKind;
import io.accessloop.iam.policy.PolicyParser;
import io.accessloop.sandbox.core.AwsError;
import io.accessloop.sandbox.core.Doc;
import io.accessloop.sandbox.core.Ids;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Roles: lifecycle, trust policy, inline and attached policies, boundary, tags. */
final class RoleActions {

    private final IamStore store;
    private final IamRegistry registry;

    RoleActions(IamStore store, IamRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    void register() {
        registry.write("CreateRole", registry::roleArnFromParams, this::create);
        registry.read("GetRole", registry::roleArnFromParams, c -> store.read(() ->
                Doc.of().with("Role", IamViews.role(store.role(roleName(c)), true))));
        registry.read("ListRoles", c -> "*", this::list);
        registry.write("DeleteRole", registry::roleArnFromParams, this::delete);
        registry.write("UpdateRole", registry::roleArnFromParams, this::update);
        registry.write("UpdateRoleDescription", registry::roleArnFromParams, c -> store.write(c.now(), () -> {
            Role role = store.role(roleName(c));
            role.description = IamSupport.description(c.params());
            store.touch(role);
            return Doc.of().with("Role", IamViews.role(role, true));
        }));
        registry.write("UpdateAssumeRolePolicy", registry::roleArnFromParams, c -> {
            String trust = trustPolicy(c);
            return store.write(c.now(), () -> {
                Role role = store.role(roleName(c));
                role.trustPolicy = trust;
                store.touch(role);
                return null;
            });
        });
        registry.write("PutRolePermissionsBoundary", registry::roleArnFromParams, c -> store.write(c.now(), () -> {
            Role role = store.role(roleName(c));
            String arn = c.params().required("PermissionsBoundary");
            store.policy(arn);
            role.permissionsBoundaryArn = arn;
            store.touch(role);
            return null;
        }));
        registry.write("DeleteRolePermissionsBoundary", registry::roleArnFromParams, c -> store.write(c.now(), () -> {
            Role role = store.role(roleName(c));
            role.permissionsBoundaryArn = null;
            store.touch(role);
            return null;
        }));
        registry.write("PutRolePolicy", registry::roleArnFromParams, c -> store.write(c.now(), () -> {
            Role role = store.role(roleName(c));
            InlinePolicies.put(c, "role", role.name, role.inlinePolicies, 10_240);
            store.touch(role);
            return null;
        }));
        registry.read("GetRolePolicy", registry::roleArnFromParams, c -> store.read(() -> {
            Role role = store.role(roleName(c));
            return InlinePolicies.get(c, "RoleName", role.name, role.inlinePolicies, "role");
        }));
        registry.write("DeleteRolePolicy", registry::roleArnFromParams, c -> store.write(c.now(), () -> {
            Role role = store.role(roleName(c));
            InlinePolicies.delete(c, role.inlinePolicies, "role");
            store.touch(role);
            return null;
        }));
        registry.read("ListRolePolicies", registry::roleArnFromParams, c -> store.read(() ->
                InlinePolicies.list(c, store.role(roleName(c)).inlinePolicies)));
        registry.write("AttachRolePolicy", registry::roleArnFromParams, c -> store.write(c.now(), () -> {
            Role role = store.role(roleName(c));
            InlinePolicies.attach(store, c, role.attachedPolicyArns, "PoliciesPerRole", role);
            return null;
        }));
        registry.write("DetachRolePolicy", registry::roleArnFromParams, c -> store.write(c.now(), () -> {
            Role role = store.role(roleName(c));
            InlinePolicies.detach(store, c, role.attachedPolicyArns, role);
            return null;
        }));
        registry.read("ListAttachedRolePolicies", registry::roleArnFromParams, c -> store.read(() ->
                InlinePolicies.listAttached(store, c, store.role(roleName(c)).attachedPolicyArns)));
        registry.write("TagRole", registry::roleArnFromParams, c -> store.write(c.now(), () -> {
            Role role = store.role(roleName(c));
            Map<String, String> tags = c.params().tags("Tags");
            TagSupport.merge(role.tags, tags);
            store.touch(role);
            return null;
        }));
        registry.write("UntagRole", registry::roleArnFromParams, c -> store.write(c.now(), () -> {
            Role role = store.role(roleName(c));
            c.params().members("TagKeys").forEach(k -> TagSupport.remove(role.tags, k));
            store.touch(role);
            return null;
        }));
        registry.read("ListRoleTags", registry::roleArnFromParams, c -> store.read(() -> {
            Role role = store.role(roleName(c));
            Doc paging = Doc.of();
            List<Doc> page = IamSupport.page(c.params(), IamViews.tags(role.tags), paging);
            Doc out = Doc.of().with("Tags", new ArrayList<>(page));
            out.putAll(paging);
            return out;
        }));
    }

    private static String roleName(IamCall c) {
        return IamSupport.name(c.params(), "RoleName", 64);
    }

    private static String trustPolicy(IamCall c) {
        String raw = c.params().required("CreateRole".equals(c.params().action()) ? "AssumeRolePolicyDocument"
                : "PolicyDocument");
        try {
            String json = PolicyParser.decode(raw);
            if (IamSupport.countedCharacters(List.of(json)) > 2048) {
                throw AwsError.limitExceeded("Cannot exceed quota for ACLSizePerRole: 2048");
            }
            PolicyParser.parse(json, PolicyKind.TRUST);
            return json;
        } catch (MalformedPolicyException e) {
            throw AwsError.malformedPolicy(e.iamMessage());
        }
    }

    private Doc create(IamCall c) {
        String name = roleName(c);
        String path = IamSupport.path(c.params(), "Path");
        String trust = trustPolicy(c);
        String description = IamSupport.description(c.params());
        Integer max = c.params().integer("MaxSessionDuration");
        int maxSession = max == null ? 3600 : max;
        if (maxSession < 3600 || maxSession > 43_200) {
            throw AwsError.validation("1 validation error detected: Value '" + maxSession + "' at "
                    + "'maxSessionDuration' failed to satisfy constraint: Member must have value less than or equal "
                    + "to 43200 and greater than or equal to 3600");
        }
        Map<String, String> tags = c.params().tags("Tags");
        String boundary = c.params().get("PermissionsBoundary");
        return store.write(c.now(), () -> {
            if (store.findRole(name) != null) {
                throw AwsError.alreadyExists("Role with name " + name + " already exists.");
            }
            if (boundary != null) {
                store.policy(boundary);
            }
            Role role = new Role(name, path, Ids.uniqueId("AROA"),
                    "arn:aws:iam::" + store.accountId() + ":role" + path + name, c.now());
            role.trustPolicy = trust;
            role.description = description;
            role.maxSessionDuration = maxSession;
            role.permissionsBoundaryArn = boundary;
            role.tags.putAll(tags);
            store.roles.put(name, role);
            store.touch(role);
            return Doc.of().with("Role", IamViews.role(role, false));
        });
    }

    private Doc list(IamCall c) {
        return store.read(() -> {
            String prefix = c.params().get("PathPrefix");
            List<Doc> all = new ArrayList<>();
            for (Role r : store.roles.values()) {
                if (IamSupport.underPath(r.path, prefix)) {
                    all.add(IamViews.role(r, false));
                }
            }
            Doc paging = Doc.of();
            List<Doc> page = IamSupport.page(c.params(), all, paging);
            Doc out = Doc.of().with("Roles", new ArrayList<>(page));
            out.putAll(paging);
            return out;
        });
    }

    private Doc delete(IamCall c) {
        return store.write(c.now(), () -> {
            Role role = store.role(roleName(c));
            if (!role.inlinePolicies.isEmpty() || !role.attachedPolicyArns.isEmpty()) {
                throw AwsError.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            for (InstanceProfile ip : store.instanceProfiles.values()) {
                if (ip.roles.contains(role.name)) {
                    throw AwsError.deleteConflict(
                            "Cannot delete entity, must remove roles from instance profile first.");
                }
            }
            store.roles.remove(role.name);
            store.deleted(role);
            return null;
        });
    }

    private Doc update(IamCall c) {
        Integer max = c.params().integer("MaxSessionDuration");
        if (max != null && (max < 3600 || max > 43_200)) {
            throw AwsError.validation("1 validation error detected: Value '" + max + "' at "
                    + "'maxSessionDuration' failed to satisfy constraint: Member must have value less than or equal "
                    + "to 43200 and greater than or equal to 3600");
        }
        String description = IamSupport.description(c.params());
        return store.write(c.now(), () -> {
            Role role = store.role(roleName(c));
            if (max != null) {
                role.maxSessionDuration = max;
            }
            if (description != null) {
                role.description = description;
            }
            store.touch(role);
            return Doc.of();
        });
    }
}

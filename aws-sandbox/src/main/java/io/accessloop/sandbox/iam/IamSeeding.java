package io.accessloop.sandbox.iam;

import io.accessloop.sandbox.core.AwsError;
import io.accessloop.sandbox.core.Ids;

import java.time.Instant;
import java.util.Map;

/**
 * Direct writes for seeding scenarios, with explicit creation and last-use dates (a demo account has
 * history). Every change still goes through the store's write lock, so AWS Config records it.
 */
public final class IamSeeding {

    private final IamStore store;
    private final Instant now;

    public IamSeeding(IamStore store, Instant now) {
        this.store = store;
        this.now = now;
    }

    private String base() {
        return "arn:aws:iam::" + store.accountId() + ":";
    }

    public String role(String name, String path, String trustPolicy, int maxSessionDuration, Instant created,
                       String description, Map<String, String> tags) {
        return store.write(now, () -> {
            if (store.findRole(name) != null) {
                throw AwsError.alreadyExists("Role with name " + name + " already exists.");
            }
            Role role = new Role(name, path, Ids.uniqueId("AROA"), base() + "role" + path + name, created);
            role.trustPolicy = trustPolicy;
            role.maxSessionDuration = maxSessionDuration;
            role.description = description;
            role.tags.putAll(tags);
            store.roles.put(name, role);
            store.touch(role);
            return role.arn;
        });
    }

    public void rolePolicy(String roleName, String policyName, String document) {
        store.write(now, () -> {
            Role role = store.role(roleName);
            role.inlinePolicies.put(policyName, document);
            store.touch(role);
            return null;
        });
    }

    public void roleLastUsed(String roleName, Instant when, String region) {
        store.read(() -> store.role(roleName)).markUsed(when, region);
    }

    public String user(String name, Instant created, Map<String, String> tags) {
        return store.write(now, () -> {
            User user = new User(name, "/", Ids.uniqueId("AIDA"), base() + "user/" + name, created);
            user.tags.putAll(tags);
            store.users.put(name, user);
            store.touch(user);
            return user.arn;
        });
    }

    public void userPolicy(String userName, String policyName, String document) {
        store.write(now, () -> {
            User user = store.user(userName);
            user.inlinePolicies.put(policyName, document);
            store.touch(user);
            return null;
        });
    }

    public void loginProfile(String userName, Instant created, Instant passwordLastUsed) {
        store.write(now, () -> {
            User user = store.user(userName);
            user.loginProfile = new User.LoginProfile(created, false);
            user.passwordLastUsed = passwordLastUsed;
            return null;
        });
    }

    public void accessKey(String userName, String accessKeyId, String secret, Instant created, Instant lastUsed,
                          String lastService, String region) {
        store.write(now, () -> {
            store.user(userName);
            AccessKey key = new AccessKey(accessKeyId, secret, userName, created);
            if (lastUsed != null) {
                key.markUsed(lastUsed, lastService, region);
            }
            store.addKey(key);
            return null;
        });
    }

    public String group(String name, Instant created) {
        return store.write(now, () -> {
            Group group = new Group(name, "/", Ids.uniqueId("AGPA"), base() + "group/" + name, created);
            store.groups.put(name, group);
            store.touch(group);
            return group.arn;
        });
    }

    public void member(String groupName, String userName) {
        store.write(now, () -> {
            Group group = store.group(groupName);
            User user = store.user(userName);
            group.members.add(userName);
            user.groups.add(groupName);
            store.touch(user);
            return null;
        });
    }

    public String policy(String name, String document, String description, Instant created) {
        return store.write(now, () -> {
            String arn = base() + "policy/" + name;
            ManagedPolicy policy = new ManagedPolicy(name, "/", Ids.uniqueId("ANPA"), arn, description, created,
                    false);
            policy.versions.put("v1", new ManagedPolicy.Version("v1", document, created));
            policy.defaultVersionId = "v1";
            policy.nextVersion = 2;
            store.policies.put(arn, policy);
            store.touch(policy);
            return arn;
        });
    }

    public void attachToRole(String roleName, String policyArn) {
        store.write(now, () -> {
            Role role = store.role(roleName);
            role.attachedPolicyArns.add(policyArn);
            store.touch(role);
            store.touch(store.policy(policyArn));
            return null;
        });
    }

    public void attachToUser(String userName, String policyArn) {
        store.write(now, () -> {
            User user = store.user(userName);
            user.attachedPolicyArns.add(policyArn);
            store.touch(user);
            store.touch(store.policy(policyArn));
            return null;
        });
    }

    public void attachToGroup(String groupName, String policyArn) {
        store.write(now, () -> {
            Group group = store.group(groupName);
            group.attachedPolicyArns.add(policyArn);
            store.touch(group);
            store.touch(store.policy(policyArn));
            return null;
        });
    }

    public String roleId(String roleName) {
        return store.read(() -> store.role(roleName).id);
    }
}

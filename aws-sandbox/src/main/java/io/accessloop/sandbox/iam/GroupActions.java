package io.accessloop.sandbox.iam;

import io.accessloop.sandbox.core.AwsError;
import io.accessloop.sandbox.core.Doc;
import io.accessloop.sandbox.core.Ids;

import java.util.ArrayList;
import java.util.List;

/** Groups, membership, and group policies. */
final class GroupActions {

    private final IamStore store;
    private final IamRegistry registry;

    GroupActions(IamStore store, IamRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    private static String groupName(IamCall c) {
        return IamSupport.name(c.params(), "GroupName", 128);
    }

    void register() {
        registry.write("CreateGroup", registry::groupArnFromParams, c -> {
            String name = groupName(c);
            String path = IamSupport.path(c.params(), "Path");
            return store.write(c.now(), () -> {
                if (store.findGroup(name) != null) {
                    throw AwsError.alreadyExists("Group with name " + name + " already exists.");
                }
                Group group = new Group(name, path, Ids.uniqueId("AGPA"),
                        "arn:aws:iam::" + store.accountId() + ":group" + path + name, c.now());
                store.groups.put(name, group);
                store.touch(group);
                return Doc.of().with("Group", IamViews.group(group));
            });
        });
        registry.read("GetGroup", registry::groupArnFromParams, c -> store.read(() -> {
            Group group = store.group(groupName(c));
            List<Doc> users = new ArrayList<>();
            for (String member : group.members) {
                User u = store.findUser(member);
                if (u != null) {
                    users.add(IamViews.user(u));
                }
            }
            Doc paging = Doc.of();
            List<Doc> page = IamSupport.page(c.params(), users, paging);
            Doc out = Doc.of().with("Group", IamViews.group(group)).with("Users", new ArrayList<>(page));
            out.putAll(paging);
            return out;
        }));
        registry.read("ListGroups", c -> "*", c -> store.read(() -> {
            String prefix = c.params().get("PathPrefix");
            List<Doc> all = new ArrayList<>();
            for (Group g : store.groups.values()) {
                if (IamSupport.underPath(g.path, prefix)) {
                    all.add(IamViews.group(g));
                }
            }
            Doc paging = Doc.of();
            List<Doc> page = IamSupport.page(c.params(), all, paging);
            Doc out = Doc.of().with("Groups", new ArrayList<>(page));
            out.putAll(paging);
            return out;
        }));
        registry.read("ListGroupsForUser", registry::userArnFromParams, c -> store.read(() -> {
            User user = store.user(IamSupport.name(c.params(), "UserName", 64));
            List<Doc> all = new ArrayList<>();
            for (String name : user.groups) {
                Group g = store.findGroup(name);
                if (g != null) {
                    all.add(IamViews.group(g));
                }
            }
            Doc paging = Doc.of();
            List<Doc> page = IamSupport.page(c.params(), all, paging);
            Doc out = Doc.of().with("Groups", new ArrayList<>(page));
            out.putAll(paging);
            return out;
        }));
        registry.write("DeleteGroup", registry::groupArnFromParams, c -> store.write(c.now(), () -> {
            Group group = store.group(groupName(c));
            if (!group.members.isEmpty()) {
                throw AwsError.deleteConflict("Cannot delete entity, must remove users from group first.");
            }
            if (!group.inlinePolicies.isEmpty() || !group.attachedPolicyArns.isEmpty()) {
                throw AwsError.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            store.groups.remove(group.name);
            store.deleted(group);
            return null;
        }));
        registry.write("AddUserToGroup", registry::groupArnFromParams, c -> store.write(c.now(), () -> {
            Group group = store.group(groupName(c));
            User user = store.user(IamSupport.name(c.params(), "UserName", 64));
            if (!user.groups.contains(group.name) && user.groups.size() >= 10) {
                throw AwsError.limitExceeded("Cannot exceed quota for GroupsPerUser: 10");
            }
            group.members.add(user.name);
            user.groups.add(group.name);
            store.touch(user);
            return null;
        }));
        registry.write("RemoveUserFromGroup", registry::groupArnFromParams, c -> store.write(c.now(), () -> {
            Group group = store.group(groupName(c));
            User user = store.user(IamSupport.name(c.params(), "UserName", 64));
            if (!group.members.remove(user.name)) {
                throw AwsError.noSuchEntity("User " + user.name + " is not in group " + group.name + ".");
            }
            user.groups.remove(group.name);
            store.touch(user);
            return null;
        }));
        registry.write("PutGroupPolicy", registry::groupArnFromParams, c -> store.write(c.now(), () -> {
            Group group = store.group(groupName(c));
            InlinePolicies.put(c, "group", group.name, group.inlinePolicies, 5120);
            store.touch(group);
            return null;
        }));
        registry.read("GetGroupPolicy", registry::groupArnFromParams, c -> store.read(() -> {
            Group group = store.group(groupName(c));
            return InlinePolicies.get(c, "GroupName", group.name, group.inlinePolicies, "group");
        }));
        registry.write("DeleteGroupPolicy", registry::groupArnFromParams, c -> store.write(c.now(), () -> {
            Group group = store.group(groupName(c));
            InlinePolicies.delete(c, group.inlinePolicies, "group");
            store.touch(group);
            return null;
        }));
        registry.read("ListGroupPolicies", registry::groupArnFromParams, c -> store.read(() ->
                InlinePolicies.list(c, store.group(groupName(c)).inlinePolicies)));
        registry.write("AttachGroupPolicy", registry::groupArnFromParams, c -> store.write(c.now(), () -> {
            Group group = store.group(groupName(c));
            InlinePolicies.attach(store, c, group.attachedPolicyArns, "PoliciesPerGroup", group);
            return null;
        }));
        registry.write("DetachGroupPolicy", registry::groupArnFromParams, c -> store.write(c.now(), () -> {
            Group group = store.group(groupName(c));
            InlinePolicies.detach(store, c, group.attachedPolicyArns, group);
            return null;
        }));
        registry.read("ListAttachedGroupPolicies", registry::groupArnFromParams, c -> store.read(() ->
                InlinePolicies.listAttached(store, c, store.group(groupName(c)).attachedPolicyArns)));
    }
}

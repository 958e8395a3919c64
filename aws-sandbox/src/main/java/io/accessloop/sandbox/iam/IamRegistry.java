package io.accessloop.sandbox.iam;

import io.accessloop.sandbox.core.Doc;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** The IAM actions by name, and how their target resources are named for authorisation. */
public final class IamRegistry {

    private final IamStore store;
    private final Map<String, IamAction> actions = new HashMap<>();

    IamRegistry(IamStore store) {
        this.store = store;
    }

    public void read(String name, Function<IamCall, String> resource, Function<IamCall, Doc> handler) {
        actions.put(name, new IamAction(name, true, resource, handler));
    }

    public void write(String name, Function<IamCall, String> resource, Function<IamCall, Doc> handler) {
        actions.put(name, new IamAction(name, false, resource, handler));
    }

    public void register(IamAction action) {
        actions.put(action.name(), action);
    }

    public IamAction action(String name) {
        return actions.get(name);
    }

    public java.util.Set<String> names() {
        return actions.keySet();
    }

    private String base() {
        return "arn:aws:iam::" + store.accountId() + ":";
    }

    String roleArnFromParams(IamCall c) {
        String name = c.params().get("RoleName");
        if (name == null) {
            return "*";
        }
        String path = store.read(() -> {
            Role r = store.findRole(name);
            return r == null ? c.params().getOr("Path", "/") : r.path;
        });
        return base() + "role" + path + name;
    }

    String userArnFromParams(IamCall c) {
        String name = c.params().get("UserName");
        if (name == null) {
            return c.caller().userName() != null ? userArn(c.caller().userName(), c) : "*";
        }
        return userArn(name, c);
    }

    private String userArn(String name, IamCall c) {
        String path = store.read(() -> {
            User u = store.findUser(name);
            return u == null ? c.params().getOr("Path", "/") : u.path;
        });
        return base() + "user" + path + name;
    }

    String groupArnFromParams(IamCall c) {
        String name = c.params().get("GroupName");
        if (name == null) {
            return "*";
        }
        String path = store.read(() -> {
            Group g = store.findGroup(name);
            return g == null ? c.params().getOr("Path", "/") : g.path;
        });
        return base() + "group" + path + name;
    }

    String policyArnFromParams(IamCall c) {
        String arn = c.params().get("PolicyArn");
        if (arn != null) {
            return arn;
        }
        String name = c.params().get("PolicyName");
        return name == null ? "*" : base() + "policy" + c.params().getOr("Path", "/") + name;
    }
}

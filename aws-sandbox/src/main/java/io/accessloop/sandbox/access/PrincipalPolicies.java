package io.accessloop.sandbox.access;

import io.accessloop.iam.eval.NamedPolicy;
import io.accessloop.iam.eval.PolicySet;
import io.accessloop.sandbox.auth.Caller;
import io.accessloop.sandbox.iam.Group;
import io.accessloop.sandbox.iam.IamStore;
import io.accessloop.sandbox.iam.ManagedPolicy;
import io.accessloop.sandbox.iam.Role;
import io.accessloop.sandbox.iam.User;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identity policies, permissions boundary and principal tags of users and roles, cached per identity until
 * the next IAM write (the store's version changes).
 */
public final class PrincipalPolicies {

    /** What evaluation needs about one IAM identity; {@code exists} is false once it was deleted. */
    public record Identity(boolean exists, PolicySet policies, Map<String, String> tags) {
    }

    private record Cached(long version, Identity identity) {
    }

    private static final Identity MISSING = new Identity(false, PolicySet.builder().build(), Map.of());

    private final IamStore store;
    private final PolicyCache documents;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public PrincipalPolicies(IamStore store, PolicyCache documents) {
        this.store = store;
        this.documents = documents;
    }

    public PolicyCache documents() {
        return documents;
    }

    public Identity role(String roleName) {
        return cached("role/" + roleName, () -> {
            Role role = store.findRole(roleName);
            if (role == null) {
                return MISSING;
            }
            PolicySet.Builder b = PolicySet.builder();
            role.inlinePolicies().forEach((name, doc) -> b.identity(NamedPolicy.of(name, documents.document(doc))));
            attach(b, role.attachedPolicyArns());
            boundary(b, role.permissionsBoundaryArn());
            return new Identity(true, b.build(), Map.copyOf(role.tags()));
        });
    }

    public Identity user(String userName) {
        return cached("user/" + userName, () -> {
            User user = store.findUser(userName);
            if (user == null) {
                return MISSING;
            }
            PolicySet.Builder b = PolicySet.builder();
            user.inlinePolicies().forEach((name, doc) -> b.identity(NamedPolicy.of(name, documents.document(doc))));
            attach(b, user.attachedPolicyArns());
            for (String groupName : user.groups()) {
                Group group = store.findGroup(groupName);
                if (group != null) {
                    group.inlinePolicies().forEach((name, doc) ->
                            b.identity(NamedPolicy.of(groupName + "/" + name, documents.document(doc))));
                    attach(b, group.attachedPolicyArns());
                }
            }
            boundary(b, user.permissionsBoundaryArn());
            return new Identity(true, b.build(), Map.copyOf(user.tags()));
        });
    }

    /** The identity whose policies apply to the caller (role of a session, issuing user of a federated user). */
    public Identity of(Caller caller) {
        return switch (caller.type()) {
            case ROOT -> new Identity(true, PolicySet.builder().build(), Map.of());
            case ASSUMED_ROLE -> role(caller.roleName());
            case IAM_USER, FEDERATED_USER -> user(caller.userName());
        };
    }

    /** A managed policy's default document, or null when the policy does not exist. */
    public String managedDocument(String arn) {
        return store.read(() -> {
            ManagedPolicy policy = store.findPolicy(arn);
            return policy == null ? null : policy.defaultDocument();
        });
    }

    private void attach(PolicySet.Builder b, Iterable<String> arns) {
        for (String arn : arns) {
            ManagedPolicy policy = store.findPolicy(arn);
            if (policy != null) {
                b.identity(NamedPolicy.of(policy.name(), documents.document(policy.defaultDocument())));
            }
        }
    }

    private void boundary(PolicySet.Builder b, String arn) {
        if (arn != null) {
            ManagedPolicy policy = store.findPolicy(arn);
            if (policy != null) {
                b.permissionsBoundary(NamedPolicy.of(policy.name(), documents.document(policy.defaultDocument())));
            }
        }
    }

    private Identity cached(String key, java.util.function.Supplier<Identity> load) {
        long version = store.version();
        Cached hit = cache.get(key);
        if (hit != null && hit.version == version) {
            return hit.identity;
        }
        Identity identity = store.read(() -> {
            long v = store.version();
            Identity loaded = load.get();
            cache.put(key, new Cached(v, loaded));
            return loaded;
        });
        return identity;
    }
}

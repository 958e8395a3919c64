package io.accessloop.drift.rightsizing.domain;

import io.accessloop.iam.eval.AuthorizationRequest;
import io.accessloop.iam.eval.PolicyEvaluator;
import io.accessloop.iam.eval.PolicySet;
import io.accessloop.iam.eval.Wildcards;
import io.accessloop.iam.minimise.PolicyComparator;
import io.accessloop.iam.policy.PolicySizeLimits;
import io.accessloop.iam.policy.Statement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a proposal independently of how it was computed: each new document lies inside the one it replaces, and
 * every call observed in the window that the current policies allow is still allowed by the proposed ones
 * (replayed through {@link PolicyEvaluator} with the permissions boundary).
 */
public final class ProofChecker {

    private static final int MAX_FAILURES_LISTED = 20;

    private ProofChecker() {
    }

    public static Proof check(PrincipalPermissions current, List<PolicyChange> changes, List<UsedAction> observed,
                              Instant now) {
        boolean subset = changes.stream().allMatch(c -> subset(current, c));
        Map<String, String> proposedInline = proposedInline(current, changes);
        List<String> proposedManaged = proposedManaged(current, changes);
        PolicySet before = policySet(current, currentInline(current), current.managed().stream()
                .map(PrincipalPermissions.ManagedPolicy::arn).toList(), groupNames(current));
        PolicySet after = policySet(current, proposedInline, proposedManaged, proposedGroups(current, changes));
        List<String> failures = new ArrayList<>();
        long replayed = 0;
        for (UsedAction call : observed) {
            replayed++;
            boolean resourceKnown = call.resource() != null && !call.resource().isEmpty();
            AuthorizationRequest request = AuthorizationRequest.of(current.arn(), call.action(),
                    resourceKnown ? call.resource() : "*");
            boolean allowedBefore = PolicyEvaluator.evaluate(request, before).isAllowed();
            boolean lost;
            if (allowedBefore) {
                lost = !PolicyEvaluator.evaluate(request, after).isAllowed();
            } else if (!resourceKnown) {
                // without a resource only the action can be compared: some Allow must still name it
                lost = namesAction(before, call.action()) && !namesAction(after, call.action());
            } else {
                lost = false;
            }
            if (lost && failures.size() < MAX_FAILURES_LISTED) {
                failures.add(call.action() + (resourceKnown ? " on " + call.resource() : "") + " would be denied");
            }
        }
        boolean fits = PolicySizeLimits.fitsTogether(proposedInline.values(), current.isRole()
                ? PolicySizeLimits.Limit.INLINE_ROLE : PolicySizeLimits.Limit.INLINE_USER);
        return new Proof(subset, replayed, failures, fits, now);
    }

    private static boolean subset(PrincipalPermissions current, PolicyChange change) {
        return switch (change.kind()) {
            case DELETE_INLINE, DETACH_MANAGED, LEAVE_GROUP -> true;
            case REPLACE_INLINE -> PolicyComparator.isSubset(Policies.parse(change.after()), Policies.parse(change.before()));
            case ADD_INLINE -> {
                String replaced = replacedDocument(current, change);
                yield replaced != null && PolicyComparator.isSubset(Policies.parse(change.after()),
                        Policies.parse(replaced));
            }
        };
    }

    private static Map<String, String> currentInline(PrincipalPermissions p) {
        Map<String, String> inline = new LinkedHashMap<>();
        p.inline().forEach(i -> inline.put(i.name(), i.document()));
        return inline;
    }

    /** The inline policies after the changes. */
    public static Map<String, String> proposedInline(PrincipalPermissions p, List<PolicyChange> changes) {
        Map<String, String> inline = currentInline(p);
        for (PolicyChange c : changes) {
            switch (c.kind()) {
                case REPLACE_INLINE, ADD_INLINE -> inline.put(c.policy(), c.after());
                case DELETE_INLINE -> inline.remove(c.policy());
                default -> {
                }
            }
        }
        return inline;
    }

    /**
     * The document a change replaces: the inline policy before it, or for an added inline copy the managed policy
     * or group policy ({@code group:<name>/<policy>}) it stands in for; null when there is none.
     */
    public static String replacedDocument(PrincipalPermissions current, PolicyChange change) {
        return switch (change.kind()) {
            case REPLACE_INLINE -> change.before();
            case ADD_INLINE -> change.replaces() == null ? null : change.replaces().startsWith("group:")
                    ? current.groupDocument(change.replaces())
                    : current.managed().stream().filter(m -> m.arn().equals(change.replaces())).findFirst()
                    .map(PrincipalPermissions.ManagedPolicy::document).orElse(null);
            default -> null;
        };
    }

    private static List<String> groupNames(PrincipalPermissions p) {
        return p.groups().stream().map(PrincipalPermissions.GroupPolicies::name).toList();
    }

    /** The groups the user is still in after the changes. */
    public static List<String> proposedGroups(PrincipalPermissions p, List<PolicyChange> changes) {
        List<String> groups = new ArrayList<>(groupNames(p));
        changes.stream().filter(c -> c.kind() == ChangeKind.LEAVE_GROUP).forEach(c -> groups.remove(c.policy()));
        return groups;
    }

    /** The managed policy ARNs still attached after the changes. */
    public static List<String> proposedManaged(PrincipalPermissions p, List<PolicyChange> changes) {
        List<String> attached = new ArrayList<>(p.managed().stream().map(PrincipalPermissions.ManagedPolicy::arn).toList());
        changes.stream().filter(c -> c.kind() == ChangeKind.DETACH_MANAGED).forEach(c -> attached.remove(c.policy()));
        return attached;
    }

    private static PolicySet policySet(PrincipalPermissions p, Map<String, String> inline, List<String> managedArns,
                                       List<String> groups) {
        PolicySet.Builder set = PolicySet.builder();
        inline.forEach((name, doc) -> set.identity(name, Policies.parse(doc)));
        for (PrincipalPermissions.GroupPolicies g : p.groups()) {
            if (groups.contains(g.name())) {
                g.documents().forEach((ref, doc) -> set.identity(ref, Policies.parse(doc)));
            }
        }
        for (PrincipalPermissions.ManagedPolicy m : p.managed()) {
            if (managedArns.contains(m.arn())) {
                set.identity(m.arn(), Policies.parse(m.document()));
            }
        }
        if (p.boundary() != null) {
            set.permissionsBoundary(Policies.parse(p.boundary()));
        }
        return set.build();
    }

    /** Some identity Allow names the action, and so does the boundary when there is one (resources aside). */
    private static boolean namesAction(PolicySet set, String action) {
        boolean identity = set.identityPolicies().stream().map(n -> n.document()).anyMatch(d -> names(d, action));
        return identity && (set.permissionsBoundary() == null || names(set.permissionsBoundary().document(), action));
    }

    private static boolean names(io.accessloop.iam.policy.PolicyDocument doc, String action) {
        return doc.statements().stream()
                .filter(Statement::isAllow)
                .anyMatch(s -> s.actions().isEmpty()
                        ? s.notActions().stream().noneMatch(n -> Wildcards.matchesAction(n, action))
                        : s.actions().stream().anyMatch(a -> Wildcards.matchesAction(a, action)));
    }
}

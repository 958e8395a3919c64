package io.accessloop.iam.minimise;

import io.accessloop.iam.catalog.ActionCatalog;
import io.accessloop.iam.eval.AuthorizationRequest;
import io.accessloop.iam.eval.PatternInclusion;
import io.accessloop.iam.eval.PolicyEvaluator;
import io.accessloop.iam.eval.PolicySet;
import io.accessloop.iam.eval.Wildcards;
import io.accessloop.iam.policy.Arn;
import io.accessloop.iam.policy.Condition;
import io.accessloop.iam.policy.Effect;
import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.Principals;
import io.accessloop.iam.policy.Statement;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The "no new access" proof. {@link #isSubset} is sound: {@code true} means every request the proposed policy
 * allows, the current one allows too. It is exact for actions and conservative for resources, principals and
 * conditions (it may answer {@code false} for a policy that is in fact a subset, never the reverse).
 */
public final class PolicyComparator {

    private PolicyComparator() {
    }

    /**
     * Whether {@code proposed} grants nothing {@code current} does not. Every current Deny must also be in the
     * proposed policy, and every piece (one action pattern × one resource pattern) of every proposed Allow must
     * lie inside one current Allow whose conditions it repeats.
     */
    public static boolean isSubset(PolicyDocument proposed, PolicyDocument current) {
        List<Statement> proposedDenies = denies(proposed);
        for (Statement deny : denies(current)) {
            if (proposedDenies.stream().noneMatch(d -> sameStatementIgnoringSid(d, deny))
                    || proposed.supportsPolicyVariables() != current.supportsPolicyVariables() && hasVariables(deny)) {
                return false;
            }
        }
        boolean sameVariables = proposed.supportsPolicyVariables() == current.supportsPolicyVariables();
        for (Statement p : proposed.statements()) {
            if (p.effect() == Effect.DENY) {
                continue;
            }
            if (!allowCovered(p, current, sameVariables)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The catalog actions that some Allow of {@code policy} names and no Allow of {@code baseline} names at all
     * (resources and conditions aside): the new actions a change brings, e.g. for a drift finding. Exact over the
     * actions the catalog knows.
     */
    public static Set<String> actionsGrantedBeyond(PolicyDocument policy, PolicyDocument baseline) {
        Set<String> candidates = new TreeSet<>();
        for (Statement s : policy.statements()) {
            if (s.effect() == Effect.ALLOW) {
                candidates.addAll(namedActions(s));
            }
        }
        List<Statement> baseAllows = baseline.statements().stream().filter(s -> s.effect() == Effect.ALLOW).toList();
        candidates.removeIf(action -> baseAllows.stream().anyMatch(s -> names(s, action)));
        return Collections.unmodifiableSet(candidates);
    }

    private static Set<String> namedActions(Statement s) {
        if (!s.actions().isEmpty()) {
            Set<String> all = new TreeSet<>();
            s.actions().forEach(p -> all.addAll(ActionCatalog.expand(p)));
            return all;
        }
        return ActionCatalog.expand("*").stream().filter(a -> names(s, a))
                .collect(Collectors.toSet());
    }

    private static boolean names(Statement s, String action) {
        return s.actions().isEmpty()
                ? s.notActions().stream().noneMatch(n -> Wildcards.matchesAction(n, action))
                : s.actions().stream().anyMatch(p -> Wildcards.matchesAction(p, action));
    }

    /**
     * Whether the policy, as the principal's only identity policy, allows every one of the requests. Only the
     * identity side is judged: a resource in another account counts as allowed when this policy allows it.
     */
    public static boolean allowsAll(PolicyDocument policy, Set<AuthorizationRequest> requests) {
        return notAllowed(policy, requests).isEmpty();
    }

    /** The requests the policy does not allow, judged as in {@link #allowsAll}. */
    public static Set<AuthorizationRequest> notAllowed(PolicyDocument policy, Set<AuthorizationRequest> requests) {
        return requests.stream()
                .filter(r -> !identitySideAllows(policy, r))
                .collect(Collectors.toUnmodifiableSet());
    }

    static boolean identitySideAllows(PolicyDocument policy, AuthorizationRequest request) {
        PolicySet.Builder set = PolicySet.builder().identity("policy", policy);
        Arn.tryParse(request.principalArn()).map(Arn::account).filter(a -> !a.isEmpty())
                .ifPresent(set::resourceAccount);
        return PolicyEvaluator.evaluate(request, set.build()).isAllowed();
    }

    private static List<Statement> denies(PolicyDocument doc) {
        return doc.statements().stream().filter(s -> s.effect() == Effect.DENY).toList();
    }

    private static boolean sameStatementIgnoringSid(Statement a, Statement b) {
        return a.effect() == b.effect() && a.actions().equals(b.actions()) && a.notActions().equals(b.notActions())
                && a.resources().equals(b.resources()) && a.notResources().equals(b.notResources())
                && Objects.equals(a.principals(), b.principals())
                && Objects.equals(a.notPrincipals(), b.notPrincipals())
                && Set.copyOf(a.conditions()).equals(Set.copyOf(b.conditions()));
    }

    private static boolean allowCovered(Statement p, PolicyDocument current, boolean sameVariables) {
        if (p.actions().isEmpty() || !p.notResources().isEmpty()) {
            // NotAction / NotResource in the proposed statement: only a whole-statement match can cover it
            return coveredByOne(p, current, sameVariables);
        }
        // an Allow is the union of its (action x resource) pieces; each must lie inside one current Allow
        List<String> resources = p.resources().isEmpty() ? Collections.singletonList(null) : p.resources();
        for (String action : p.actions()) {
            for (String resource : resources) {
                Statement piece = new Statement(p.sid(), p.effect(), List.of(action), List.of(),
                        resource == null ? List.of() : List.of(resource), List.of(), p.principals(),
                        p.notPrincipals(), p.conditions());
                if (!coveredByOne(piece, current, sameVariables)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean coveredByOne(Statement piece, PolicyDocument current, boolean sameVariables) {
        for (Statement s : current.statements()) {
            if (s.effect() == Effect.ALLOW && statementCovers(s, piece, sameVariables)) {
                return true;
            }
        }
        return false;
    }

    /** Whether statement {@code wide} allows everything {@code narrow} allows (both Allow). */
    static boolean statementCovers(Statement wide, Statement narrow, boolean sameVariables) {
        return actionsCovered(wide, narrow)
                && resourcesCovered(wide, narrow, sameVariables)
                && principalsCovered(wide, narrow)
                && conditionsCovered(wide, narrow, sameVariables);
    }

    private static boolean actionsCovered(Statement wide, Statement narrow) {
        if (!narrow.actions().isEmpty()) {
            return narrow.actions().stream().allMatch(a -> actionInside(wide, a));
        }
        // narrow uses NotAction
        if (wide.actions().contains("*")) {
            return true;
        }
        if (wide.notActions().isEmpty()) {
            return false;
        }
        return wide.notActions().stream().allMatch(excludedByWide -> narrow.notActions().stream()
                .anyMatch(excludedByNarrow -> PatternInclusion.actionCovers(excludedByNarrow, excludedByWide)));
    }

    private static boolean actionInside(Statement wide, String action) {
        if (!wide.actions().isEmpty()) {
            return wide.actions().stream().anyMatch(w -> PatternInclusion.actionCovers(w, action));
        }
        if (Wildcards.hasWildcard(action)) {
            return false;
        }
        return wide.notActions().stream().noneMatch(n -> Wildcards.matchesAction(n, action));
    }

    private static boolean resourcesCovered(Statement wide, Statement narrow, boolean sameVariables) {
        if (wide.resources().isEmpty() && wide.notResources().isEmpty()) {
            return true;
        }
        if (!narrow.resources().isEmpty()) {
            return narrow.resources().stream().allMatch(r -> resourceInside(wide, r, sameVariables));
        }
        if (narrow.notResources().isEmpty()) {
            return wide.resources().contains("*");
        }
        if (wide.resources().contains("*")) {
            return true;
        }
        return !wide.notResources().isEmpty() && sameVariables
                && wide.notResources().stream().allMatch(excluded -> narrow.notResources().stream()
                        .anyMatch(n -> n.equals(excluded) || !hasVariables(n) && !hasVariables(excluded)
                                && PatternInclusion.arnCovers(n, excluded)));
    }

    private static boolean resourceInside(Statement wide, String resource, boolean sameVariables) {
        if (!wide.resources().isEmpty()) {
            return wide.resources().stream().anyMatch(w -> w.equals("*")
                    || (hasVariables(w) || hasVariables(resource) ? sameVariables && w.equals(resource)
                    : PatternInclusion.arnCovers(w, resource)));
        }
        if (Wildcards.hasWildcard(resource) || hasVariables(resource)
                || wide.notResources().stream().anyMatch(PolicyComparator::hasVariables)) {
            return false;
        }
        return wide.notResources().stream().noneMatch(n -> Wildcards.matchesArn(n, resource));
    }

    private static boolean principalsCovered(Statement wide, Statement narrow) {
        if (wide.notPrincipals() != null) {
            return Objects.equals(wide.notPrincipals(), narrow.notPrincipals());
        }
        if (wide.principals() == null) {
            return true;
        }
        if (wide.principals().wildcard()) {
            // "*" reaches a role session only through its role: a narrower grant naming a session ARN is stronger
            return narrow.notPrincipals() == null && narrow.principals() != null
                    && narrow.principals().identifiers(Principals.AWS).stream()
                            .noneMatch(id -> id.contains(":assumed-role/"));
        }
        Principals n = narrow.principals();
        if (n == null || n.wildcard()) {
            return false;
        }
        for (Map.Entry<String, List<String>> entry : n.byType().entrySet()) {
            List<String> allowed = wide.principals().identifiers(entry.getKey());
            if (!allowed.containsAll(entry.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Every condition of the wider statement must be repeated by the narrower one. */
    private static boolean conditionsCovered(Statement wide, Statement narrow, boolean sameVariables) {
        for (Condition c : wide.conditions()) {
            boolean repeated = narrow.conditions().stream().anyMatch(n -> n.operator().equals(c.operator())
                    && n.key().toLowerCase(Locale.ROOT).equals(c.key().toLowerCase(Locale.ROOT))
                    && n.values().equals(c.values()));
            if (!repeated || !sameVariables && c.values().stream().anyMatch(PolicyComparator::hasVariables)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasVariables(Statement s) {
        return s.resources().stream().anyMatch(PolicyComparator::hasVariables)
                || s.notResources().stream().anyMatch(PolicyComparator::hasVariables)
                || s.conditions().stream().anyMatch(c -> c.values().stream().anyMatch(PolicyComparator::hasVariables));
    }

    static boolean hasVariables(String value) {
        return value.contains("${");
    }
}

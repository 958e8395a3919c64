package io.accessloop.iam.minimise;

import io.accessloop.iam.catalog.ActionCatalog;
import io.accessloop.iam.catalog.ActionInfo;
import io.accessloop.iam.eval.AuthorizationRequest;
import io.accessloop.iam.eval.PatternInclusion;
import io.accessloop.iam.eval.Wildcards;
import io.accessloop.iam.policy.Effect;
import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Right-sizing: from a current policy and the permissions seen in use, the smallest readable policy that still
 * allows every used call and grants nothing the current one does not.
 *
 * <p>Every proposed Allow is a restriction of one current Allow: a subset of its actions (grouped by service),
 * the observed resources inside its resources (or its own resources), and exactly its conditions. Current Deny
 * statements are kept unchanged. Unused {@code iam:PassRole} and exempted actions are kept. The result carries
 * its proof, checked independently by {@link PolicyComparator} and the evaluator.
 */
public final class PolicyMinimiser {

    static final String PROOF_PRINCIPAL = "arn:aws:iam::000000000000:user/accessloop-proof";

    /** Marker: keep the current statement's resources for this action. */
    private static final String KEEP_RESOURCES = "\u0000keep";

    private PolicyMinimiser() {
    }

    public static MinimisedPolicy minimise(PolicyDocument current, Set<UsedPermission> used,
            MinimiseOptions options) {
        List<Statement> statements = current.statements();
        // statement index -> canonical action -> observed resources (or KEEP_RESOURCES)
        Map<Integer, Map<String, Set<String>>> kept = new TreeMap<>();
        Set<UsedPermission> notGranted = new LinkedHashSet<>();
        Set<String> usedActions = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

        for (UsedPermission u : used) {
            String action = canonical(u.action());
            usedActions.add(action);
            List<Integer> covering = new ArrayList<>();
            for (int i = 0; i < statements.size(); i++) {
                Statement s = statements.get(i);
                if (s.effect() == Effect.ALLOW && grants(s, action, u.resource())) {
                    covering.add(i);
                }
            }
            if (covering.isEmpty() || deniedOutright(current, action, u.resource())) {
                notGranted.add(u);
                continue;
            }
            List<Integer> targets = covering.stream()
                    .filter(i -> statements.get(i).conditions().isEmpty())
                    .findFirst().map(List::of).orElse(covering);
            for (int i : targets) {
                kept.computeIfAbsent(i, k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER))
                        .computeIfAbsent(action, k -> new TreeSet<>())
                        .add(u.hasResource() && options.keepObservedResources() ? u.resource() : KEEP_RESOURCES);
            }
        }

        Set<String> exemptionsKept = keepExemptions(statements, options, kept, usedActions);
        List<Statement> proposedStatements = merge(buildStatements(statements, kept, options));
        statements.stream().filter(s -> s.effect() == Effect.DENY).forEach(proposedStatements::add);
        PolicyDocument proposed = new PolicyDocument(current.version(), current.id(), withSids(proposedStatements));

        List<RemovedPermission> removed = removedPermissions(statements, kept);
        boolean subset = PolicyComparator.isSubset(proposed, current);
        boolean allowsAll = allowsAllUsed(current, proposed, used, notGranted);
        return new MinimisedPolicy(proposed, removed, exemptionsKept, notGranted, subset, allowsAll);
    }

    private static String canonical(String action) {
        return ActionCatalog.lookup(action).map(ActionInfo::action).orElse(action);
    }

    /** Whether the statement's action and resource elements cover the permission (conditions aside). */
    private static boolean grants(Statement s, String action, String resource) {
        boolean actionOk = s.actions().isEmpty()
                ? s.notActions().stream().noneMatch(n -> Wildcards.matchesAction(n, action))
                : s.actions().stream().anyMatch(a -> Wildcards.matchesAction(a, action));
        if (!actionOk || resource == null) {
            return actionOk;
        }
        if (!s.resources().isEmpty()) {
            return s.resources().stream().anyMatch(r -> Wildcards.matchesArn(variablesAsWildcards(r), resource));
        }
        if (!s.notResources().isEmpty()) {
            return s.notResources().stream().noneMatch(r -> !PolicyComparator.hasVariables(r)
                    && Wildcards.matchesArn(r, resource));
        }
        return true;
    }

    /** A Deny without conditions that covers the permission: the current policy never allowed it. */
    private static boolean deniedOutright(PolicyDocument current, String action, String resource) {
        return current.statements().stream().anyMatch(s -> s.effect() == Effect.DENY && s.conditions().isEmpty()
                && s.resources().stream().noneMatch(PolicyComparator::hasVariables)
                && (resource != null || s.resources().contains("*"))
                && grants(s, action, resource == null ? "*" : resource));
    }

    private static String variablesAsWildcards(String pattern) {
        return pattern.replaceAll("\\$\\{[^}]*}", "*");
    }

    private static Set<String> keepExemptions(List<Statement> statements, MinimiseOptions options,
            Map<Integer, Map<String, Set<String>>> kept, Set<String> usedActions) {
        Set<String> patterns = new LinkedHashSet<>(options.neverPrune());
        patterns.addAll(options.exemptActions());
        Set<String> exemptionsKept = new TreeSet<>();
        for (String pattern : patterns) {
            for (int i = 0; i < statements.size(); i++) {
                Statement s = statements.get(i);
                if (s.effect() != Effect.ALLOW) {
                    continue;
                }
                Set<String> actions = new LinkedHashSet<>();
                if (!Wildcards.hasWildcard(pattern)) {
                    actions.add(canonical(pattern));
                } else if (s.actions().stream().anyMatch(a -> PatternInclusion.actionCovers(a, pattern))) {
                    actions.add(pattern);
                } else {
                    actions.addAll(ActionCatalog.expand(pattern));
                }
                for (String action : actions) {
                    boolean inside = Wildcards.hasWildcard(action)
                            || grants(s, action, null);
                    if (!inside) {
                        continue;
                    }
                    kept.computeIfAbsent(i, k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER))
                            .computeIfAbsent(action, k -> new TreeSet<>()).add(KEEP_RESOURCES);
                    if (!usedActions.contains(action)) {
                        exemptionsKept.add(action);
                    }
                }
            }
        }
        return exemptionsKept;
    }

    /** One statement per (current statement, service, resource set), with the current statement's conditions. */
    private static List<Statement> buildStatements(List<Statement> statements,
            Map<Integer, Map<String, Set<String>>> kept, MinimiseOptions options) {
        List<Statement> built = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, Set<String>>> entry : kept.entrySet()) {
            Statement source = statements.get(entry.getKey());
            boolean keepSourceResources = !options.keepObservedResources()
                    || source.resources().stream().anyMatch(PolicyComparator::hasVariables)
                    || source.resources().isEmpty() && source.notResources().isEmpty();
            Map<String, List<String>> byService = new TreeMap<>();
            entry.getValue().keySet().forEach(a -> byService.computeIfAbsent(service(a), k -> new ArrayList<>()).add(a));
            for (List<String> actions : byService.values()) {
                List<String> wholeActions = new ArrayList<>();
                List<String> observedActions = new ArrayList<>();
                Set<String> observed = new TreeSet<>();
                for (String action : actions) {
                    Set<String> resources = entry.getValue().get(action);
                    if (keepSourceResources || resources.contains(KEEP_RESOURCES)) {
                        wholeActions.add(action);
                    } else {
                        observedActions.add(action);
                        observed.addAll(resources);
                    }
                }
                List<String> summary = observedActions.isEmpty() ? List.of() : summarise(observed, source, options);
                if (!observedActions.isEmpty() && summary.equals(source.resources())) {
                    wholeActions.addAll(observedActions);
                    observedActions.clear();
                }
                if (!wholeActions.isEmpty()) {
                    built.add(restrict(source, wholeActions, source.resources(), source.notResources()));
                }
                if (!observedActions.isEmpty()) {
                    built.add(restrict(source, observedActions, summary, List.of()));
                }
            }
        }
        return built;
    }

    private static String service(String action) {
        return action.equals("*") ? "*" : ActionCatalog.serviceOf(action);
    }

    private static Statement restrict(Statement source, List<String> actions, List<String> resources,
            List<String> notResources) {
        List<String> sorted = new ArrayList<>(actions);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        return new Statement(null, Effect.ALLOW, sorted, List.of(), resources, notResources, source.principals(),
                source.notPrincipals(), source.conditions());
    }

    /**
     * The observed resources, listed when few; above the limit a common-prefix wildcard when it stays inside the
     * current statement's resources, else the current statement's own resources.
     */
    private static List<String> summarise(Set<String> observed, Statement source, MinimiseOptions options) {
        if (observed.size() <= options.maxResourcesPerStatement()) {
            return List.copyOf(observed);
        }
        String prefix = commonPrefix(observed);
        int cut = Math.max(prefix.lastIndexOf('/'), prefix.lastIndexOf(':'));
        String candidate = (cut >= 0 ? prefix.substring(0, cut + 1) : prefix) + "*";
        boolean validArn = candidate.chars().filter(c -> c == ':').count() >= 5;
        if (validArn && source.resources().stream().anyMatch(r -> !PolicyComparator.hasVariables(r)
                && PatternInclusion.arnCovers(r, candidate))) {
            return List.of(candidate);
        }
        return source.resources().isEmpty() ? List.copyOf(observed) : source.resources();
    }

    private static String commonPrefix(Set<String> values) {
        String prefix = null;
        for (String v : values) {
            if (prefix == null) {
                prefix = v;
                continue;
            }
            int n = 0;
            while (n < prefix.length() && n < v.length() && prefix.charAt(n) == v.charAt(n)) {
                n++;
            }
            prefix = prefix.substring(0, n);
        }
        return prefix == null ? "" : prefix;
    }

    /** Joins statements that differ only in actions of one service (an exact union: nothing widens). */
    private static List<Statement> merge(List<Statement> statements) {
        Map<List<Object>, Statement> merged = new LinkedHashMap<>();
        for (Statement s : statements) {
            String service = service(s.actions().get(0));
            List<Object> key = List.of(service, s.resources(), s.notResources(), Set.copyOf(s.conditions()),
                    String.valueOf(s.principals()), String.valueOf(s.notPrincipals()));
            Statement existing = merged.get(key);
            if (existing == null) {
                merged.put(key, s);
            } else {
                Set<String> actions = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                actions.addAll(existing.actions());
                actions.addAll(s.actions());
                merged.put(key, new Statement(null, Effect.ALLOW, List.copyOf(actions), List.of(), s.resources(),
                        s.notResources(), s.principals(), s.notPrincipals(), s.conditions()));
            }
        }
        return new ArrayList<>(merged.values());
    }

    /** Readable, unique, alphanumeric Sids such as {@code S3}, {@code S32}, {@code Ec2}. */
    private static List<Statement> withSids(List<Statement> statements) {
        Set<String> taken = new LinkedHashSet<>();
        statements.stream().filter(s -> s.effect() == Effect.DENY && s.sid() != null).forEach(s -> taken.add(s.sid()));
        List<Statement> named = new ArrayList<>();
        for (Statement s : statements) {
            if (s.effect() == Effect.DENY) {
                named.add(s);
                continue;
            }
            String base = sidBase(service(s.actions().get(0)));
            String sid = base;
            for (int n = 2; taken.contains(sid); n++) {
                sid = base + n;
            }
            taken.add(sid);
            named.add(s.toBuilder().sid(sid).build());
        }
        return named;
    }

    private static String sidBase(String service) {
        StringBuilder sb = new StringBuilder("Allow");
        boolean upper = true;
        for (char c : service.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return sb.length() == "Allow".length() ? "AllowAll" : sb.toString();
    }

    private static List<RemovedPermission> removedPermissions(List<Statement> statements,
            Map<Integer, Map<String, Set<String>>> kept) {
        List<RemovedPermission> removed = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            if (s.effect() != Effect.ALLOW) {
                continue;
            }
            Map<String, Set<String>> keptHere = kept.getOrDefault(i, Map.of());
            if (s.actions().isEmpty()) {
                removed.add(new RemovedPermission(i, s.sid(), "NotAction:" + s.notActions(), s.resources(),
                        keptHere.keySet()));
                continue;
            }
            for (String pattern : s.actions()) {
                Set<String> keptForPattern = new TreeSet<>();
                for (String action : keptHere.keySet()) {
                    if (Wildcards.matchesAction(pattern, action)) {
                        keptForPattern.add(action);
                    }
                }
                boolean wholeKept = keptForPattern.stream().anyMatch(a -> a.equalsIgnoreCase(pattern)
                        && keptHere.get(a).contains(KEEP_RESOURCES));
                boolean concreteKept = !Wildcards.hasWildcard(pattern) && !keptForPattern.isEmpty();
                if (!wholeKept && !(concreteKept && sameResources(s, keptHere.get(keptForPattern.iterator().next())))) {
                    removed.add(new RemovedPermission(i, s.sid(), pattern, s.resources(), keptForPattern));
                }
            }
        }
        return removed;
    }

    private static boolean sameResources(Statement s, Set<String> keptResources) {
        return keptResources.contains(KEEP_RESOURCES) || Set.copyOf(s.resources()).equals(keptResources);
    }

    private static boolean allowsAllUsed(PolicyDocument current, PolicyDocument proposed, Set<UsedPermission> used,
            Set<UsedPermission> notGranted) {
        for (UsedPermission u : used) {
            if (notGranted.contains(u)) {
                continue;
            }
            if (!u.hasResource()) {
                String action = canonical(u.action());
                boolean kept = proposed.statements().stream()
                        .anyMatch(s -> s.effect() == Effect.ALLOW && grants(s, action, null));
                if (!kept) {
                    return false;
                }
                continue;
            }
            AuthorizationRequest request = new AuthorizationRequest(PROOF_PRINCIPAL, u.action(), u.resource(),
                    u.context());
            if (PolicyComparator.identitySideAllows(current, request)
                    && !PolicyComparator.identitySideAllows(proposed, request)) {
                return false;
            }
        }
        return true;
    }
}

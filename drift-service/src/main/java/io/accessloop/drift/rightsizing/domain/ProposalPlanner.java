package io.accessloop.drift.rightsizing.domain;

import io.accessloop.iam.eval.Wildcards;
import io.accessloop.iam.minimise.MinimiseOptions;
import io.accessloop.iam.minimise.MinimisedPolicy;
import io.accessloop.iam.minimise.PolicyMinimiser;
import io.accessloop.iam.minimise.RemovedPermission;
import io.accessloop.iam.minimise.UsedPermission;
import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.Statement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes a proposal for one principal: every inline and managed policy minimised against the usage in the
 * window (CloudTrail, and Access Advisor at action or service level), with exemptions ({@code iam:PassRole},
 * pinned actions, managed policies granted inside the window), evidence for every removal, a confidence and the
 * proof. Managed policies are never edited: a smaller inline copy replaces them for this principal only, so other
 * principals sharing them are not touched. A principal with no use at all in the window gets a retirement proposal.
 */
public final class ProposalPlanner {

    public static final String REPLACEMENT_PREFIX = "accessloop-rightsized-";
    static final String PASS_ROLE_REASON = "never pruned automatically: usage data cannot see iam:PassRole";

    private ProposalPlanner() {
    }

    public static Plan plan(PlanRequest r) {
        PrincipalPermissions p = r.permissions();
        Instant start = r.windowStart();
        List<String> sources = sources(r);
        List<String> notes = new ArrayList<>();
        Map<String, String> exemptions = new TreeMap<>();
        List<UsedAction> inWindow = r.usage().stream().filter(u -> !u.lastSeen().isBefore(start)).toList();
        long observedCalls = inWindow.stream().mapToLong(UsedAction::calls).sum();

        if (p.createdAt() != null && p.createdAt().isAfter(start)) {
            return Plan.nothing("the principal was created " + p.createdAt() + ", inside the " + r.windowDays()
                    + "-day window: all its permissions are younger than the evidence", evidence(r, sources,
                    observedCalls, List.of(), exemptions, notes));
        }
        if (p.inline().isEmpty() && p.managed().isEmpty() && p.groups().stream()
                .allMatch(g -> g.inline().isEmpty() && g.managed().isEmpty())) {
            return Plan.nothing("the principal has no identity policies", evidence(r, sources, observedCalls,
                    List.of(), exemptions, notes));
        }

        Set<UsedPermission> used = usedPermissions(r, inWindow);
        Set<String> exemptPatterns = new LinkedHashSet<>();
        for (String pin : r.pinned()) {
            exemptPatterns.add(pin);
            exemptions.put(pin, "pinned");
        }
        for (ServiceAccess s : r.advisor()) {
            if (!s.actionLevel() && s.lastAuthenticated() != null && !s.lastAuthenticated().isBefore(start)) {
                exemptPatterns.add(s.service() + ":*");
                exemptions.put(s.service() + ":*", "used " + s.lastAuthenticated()
                        + " per Access Advisor, which reports this service only at service level");
            }
        }

        boolean unused = used.isEmpty() && exemptPatterns.isEmpty();
        List<PolicyChange> changes = new ArrayList<>();
        List<Removal> removals = new ArrayList<>();
        MinimiseOptions options = MinimiseOptions.defaults().withExemptActions(exemptPatterns)
                .withKeepObservedResources(r.resourceLevel());

        for (PrincipalPermissions.InlinePolicy inline : p.inline()) {
            PolicyDocument doc = Policies.parse(inline.document());
            MinimisedPolicy m = unused ? retireAll(doc) : PolicyMinimiser.minimise(doc, used, options);
            if (!m.changesAnything()) {
                continue;
            }
            noteExemptions(m, exemptions);
            changes.add(m.proposed().statements().isEmpty()
                    ? new PolicyChange(ChangeKind.DELETE_INLINE, inline.name(), doc.toJson(), null, null)
                    : new PolicyChange(ChangeKind.REPLACE_INLINE, inline.name(), doc.toJson(), m.proposed().toJson(), null));
            m.removed().forEach(rm -> removals.add(removal(inline.name(), rm, r, sources)));
        }
        for (PrincipalPermissions.ManagedPolicy managed : p.managed()) {
            if (!unused && managed.versionCreatedAt() != null && managed.versionCreatedAt().isAfter(start)) {
                exemptions.put(managed.arn(), "granted " + managed.versionCreatedAt() + ", inside the window: left as is");
                continue;
            }
            PolicyDocument doc = Policies.parse(managed.document());
            MinimisedPolicy m = unused ? retireAll(doc) : PolicyMinimiser.minimise(doc, used, options);
            if (!m.changesAnything()) {
                continue;
            }
            noteExemptions(m, exemptions);
            changes.add(new PolicyChange(ChangeKind.DETACH_MANAGED, managed.arn(), doc.toJson(), null, null));
            if (!m.proposed().statements().isEmpty()) {
                changes.add(new PolicyChange(ChangeKind.ADD_INLINE, replacementName(managed.name()), null,
                        m.proposed().toJson(), managed.arn()));
            }
            if (managed.shared()) {
                notes.add(managed.arn() + " is shared: it stays as is for the other principals; this principal gets "
                        + "an inline copy with only what it uses");
            }
            m.removed().forEach(rm -> removals.add(removal(managed.arn(), rm, r, sources)));
        }

        for (PrincipalPermissions.GroupPolicies group : p.groups()) {
            planGroup(group, r, unused, used, options, exemptions, changes, removals, notes, sources);
        }

        Evidence evidence = evidence(r, sources, observedCalls, removals, exemptions, notes);
        if (changes.isEmpty()) {
            return Plan.nothing("every granted permission was used in the window or is exempt", evidence);
        }
        Proof proof = ProofChecker.check(p, changes, inWindow, r.now());
        Confidence confidence = Confidence.of(r.coveredFrom(), start, r.now(), sources.contains("cloudtrail"),
                sources.contains("access-advisor"));
        ProposalKind kind = unused ? ProposalKind.RETIRE : ProposalKind.RIGHTSIZE;
        return new Plan(kind, changes, evidence, proof, confidence, removals.size(), summary(kind, p, removals, used),
                null);
    }

    /**
     * A group is shared with its other members and never edited: when its policies grant this user more than it
     * uses, the user leaves the group and keeps an inline copy of what it uses of each group policy. A group with a
     * managed policy granted inside the window is left as is.
     */
    private static void planGroup(PrincipalPermissions.GroupPolicies group, PlanRequest r, boolean unused,
                                  Set<UsedPermission> used, MinimiseOptions options, Map<String, String> exemptions,
                                  List<PolicyChange> changes, List<Removal> removals, List<String> notes,
                                  List<String> sources) {
        for (PrincipalPermissions.ManagedPolicy managed : group.managed()) {
            if (!unused && managed.versionCreatedAt() != null && managed.versionCreatedAt().isAfter(r.windowStart())) {
                exemptions.put("group:" + group.name(), managed.arn() + " was granted to the group "
                        + managed.versionCreatedAt() + ", inside the window: the membership is left as is");
                return;
            }
        }
        List<PolicyChange> copies = new ArrayList<>();
        List<Removal> groupRemovals = new ArrayList<>();
        boolean changesAnything = false;
        for (Map.Entry<String, String> e : group.documents().entrySet()) {
            PolicyDocument doc = Policies.parse(e.getValue());
            MinimisedPolicy m = unused ? retireAll(doc) : PolicyMinimiser.minimise(doc, used, options);
            changesAnything |= m.changesAnything();
            noteExemptions(m, exemptions);
            if (!m.proposed().statements().isEmpty()) {
                String policy = e.getKey().substring(e.getKey().indexOf('/') + 1);
                String shortName = policy.contains(":policy/") ? policy.substring(policy.lastIndexOf('/') + 1) : policy;
                copies.add(new PolicyChange(ChangeKind.ADD_INLINE, replacementName(group.name() + "-" + shortName),
                        null, m.proposed().toJson(), e.getKey()));
            }
            m.removed().forEach(rm -> groupRemovals.add(removal(e.getKey(), rm, r, sources)));
        }
        if (!changesAnything) {
            return;
        }
        changes.addAll(copies);
        changes.add(new PolicyChange(ChangeKind.LEAVE_GROUP, group.name(), null, null, null));
        removals.addAll(groupRemovals);
        notes.add("group " + group.name() + " is shared: it stays as is for its other members; this user leaves it"
                + (copies.isEmpty() ? "" : " and gets inline copies with only what it uses"));
    }

    private static List<String> sources(PlanRequest r) {
        List<String> sources = new ArrayList<>();
        if (r.coveredFrom() != null || !r.usage().isEmpty()) {
            sources.add("cloudtrail");
        }
        if (!r.advisor().isEmpty()) {
            sources.add("access-advisor");
        }
        r.externalSources().stream().filter(s -> !sources.contains(s)).forEach(sources::add);
        return sources;
    }

    private static Set<UsedPermission> usedPermissions(PlanRequest r, List<UsedAction> inWindow) {
        Set<UsedPermission> used = new LinkedHashSet<>();
        for (UsedAction u : inWindow) {
            boolean withResource = r.resourceLevel() && u.resource() != null && !u.resource().isEmpty();
            used.add(withResource ? UsedPermission.of(u.action(), u.resource()) : UsedPermission.of(u.action()));
        }
        for (ServiceAccess s : r.advisor()) {
            if (!s.actionLevel()) {
                continue;
            }
            s.actions().forEach((action, last) -> {
                if (last != null && !last.isBefore(r.windowStart())) {
                    used.add(UsedPermission.of(s.service() + ":" + action));
                }
            });
        }
        return used;
    }

    /** A minimisation that keeps no Allow (retirement). */
    private static MinimisedPolicy retireAll(PolicyDocument doc) {
        List<RemovedPermission> removed = new ArrayList<>();
        List<Statement> statements = doc.statements();
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            if (!s.isAllow()) {
                continue;
            }
            List<String> actions = s.actions().isEmpty() ? List.of("NotAction:" + s.notActions()) : s.actions();
            for (String a : actions) {
                removed.add(new RemovedPermission(i, s.sid(), a, s.resources(), Set.of()));
            }
        }
        // Deny statements stay: dropping one could widen what other policies grant
        PolicyDocument denies = new PolicyDocument(doc.version(), doc.id(),
                statements.stream().filter(s -> !s.isAllow()).toList());
        return new MinimisedPolicy(denies, removed, Set.of(), Set.of(), true, true);
    }

    private static void noteExemptions(MinimisedPolicy m, Map<String, String> exemptions) {
        for (String kept : m.exemptionsKept()) {
            if (kept.equalsIgnoreCase(MinimiseOptions.PASS_ROLE)) {
                exemptions.put(MinimiseOptions.PASS_ROLE, PASS_ROLE_REASON);
            }
        }
    }

    private static Removal removal(String policy, RemovedPermission rm, PlanRequest r, List<String> sources) {
        Instant lastUsed = null;
        String pattern = rm.action();
        for (Map.Entry<String, Instant> e : r.lastUse().entrySet()) {
            if (!pattern.startsWith("NotAction:") && Wildcards.matchesAction(pattern, e.getKey())
                    && (lastUsed == null || e.getValue().isAfter(lastUsed))) {
                lastUsed = e.getValue();
            }
        }
        String granularity = r.resourceLevel() && sources.contains("cloudtrail") ? "resource"
                : sources.contains("cloudtrail") ? "action" : "service";
        String service = pattern.contains(":") ? pattern.substring(0, pattern.indexOf(':')).toLowerCase(Locale.ROOT) : "*";
        for (ServiceAccess s : r.advisor()) {
            if (!s.service().equalsIgnoreCase(service)) {
                continue;
            }
            if (s.actionLevel()) {
                if (granularity.equals("service")) {
                    granularity = "action";
                }
                for (Map.Entry<String, Instant> a : s.actions().entrySet()) {
                    Instant t = a.getValue();
                    if (t != null && Wildcards.matchesAction(pattern, s.service() + ":" + a.getKey())
                            && (lastUsed == null || t.isAfter(lastUsed))) {
                        lastUsed = t;
                    }
                }
            } else if (s.lastAuthenticated() != null && (lastUsed == null || s.lastAuthenticated().isAfter(lastUsed))) {
                lastUsed = s.lastAuthenticated();
            }
        }
        return new Removal(policy, pattern, rm.resources(), new TreeSet<>(rm.keptActions()), sources, granularity,
                lastUsed);
    }

    private static Evidence evidence(PlanRequest r, List<String> sources, long observedCalls, List<Removal> removals,
                                     Map<String, String> exemptions, List<String> notes) {
        return new Evidence(r.windowStart(), r.now(), r.windowDays(), sources, observedCalls, r.coveredFrom(),
                List.copyOf(removals), new LinkedHashMap<>(exemptions), List.copyOf(notes));
    }

    static String replacementName(String managedName) {
        String name = REPLACEMENT_PREFIX + managedName;
        return name.length() > 128 ? name.substring(0, 128) : name;
    }

    private static String summary(ProposalKind kind, PrincipalPermissions p, List<Removal> removals,
                                  Set<UsedPermission> used) {
        if (kind == ProposalKind.RETIRE) {
            return "Retire " + p.name() + ": no use in the window; remove all " + removals.size() + " permissions";
        }
        Set<String> kept = new TreeSet<>();
        used.forEach(u -> kept.add(u.action()));
        return "Remove " + removals.size() + " unused permission" + (removals.size() == 1 ? "" : "s") + " from "
                + p.name() + "; keep " + (kept.isEmpty() ? "exemptions only" : String.join(", ", kept));
    }
}

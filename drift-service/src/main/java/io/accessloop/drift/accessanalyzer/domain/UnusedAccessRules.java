package io.accessloop.drift.accessanalyzer.domain;

import io.accessloop.drift.rightsizing.domain.Plan;
import io.accessloop.drift.rightsizing.domain.PrincipalPermissions;
import io.accessloop.drift.rightsizing.domain.ProposalKind;
import io.accessloop.drift.rightsizing.domain.Removal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns both sources of unused access into findings with one identity per condition, so the same unused role or
 * permission seen by Access Analyzer and by Accessloop's own usage analysis is one finding:
 * <ul>
 *   <li>an unused role: rule {@value #UNUSED_ROLE}, key {@code role};</li>
 *   <li>unused permissions of one service: rule {@value #UNUSED_PERMISSION}, key {@code service:<namespace>};</li>
 *   <li>an unused password or access key: the credential rule's finding ({@value #UNUSED_CREDENTIALS}, key
 *       {@code password} or {@code key:<slot>}).</li>
 * </ul>
 */
public final class UnusedAccessRules {

    public static final String UNUSED_ROLE = "unused-role";
    public static final String UNUSED_PERMISSION = "unused-permission";
    /** The id of drift's own credential rule (evaluated from the credential report). */
    public static final String UNUSED_CREDENTIALS = "unused-credentials";
    /**
     * Where an Access Analyzer credential finding lives while drift's credential rule does not (yet) report the same
     * key or password: the credential rule resolves findings of its own rule it no longer sees, so an Access Analyzer
     * finding under that rule would be opened and resolved in turn.
     */
    public static final String ANALYZER_UNUSED_CREDENTIALS = "unused-credentials-analyzer";

    public static final String SOURCE_ANALYZER = "access-analyzer";
    public static final String SOURCE_ACCESSLOOP = "accessloop";

    private UnusedAccessRules() {
    }

    /** The finding an Access Analyzer finding stands for; {@code keySlot} 0 when the key's slot is unknown. */
    public static Observation fromAnalyzer(UnusedAccessFinding f, int keySlot) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("findingId", f.id());
        details.put("analyzerArn", f.analyzerArn());
        details.put("findingType", f.type().wire());
        details.put("lastAccessed", text(f.lastAccessed()));
        String name = name(f.resourceArn());
        String since = f.lastAccessed() == null ? "never used" : "unused since " + f.lastAccessed();
        return switch (f.type()) {
            case UNUSED_ROLE -> new Observation(UNUSED_ROLE, f.accountId(), f.resourceArn(), "AWS::IAM::Role", "role",
                    "medium", "Role " + name + " is unused (" + since + ")", details);
            case UNUSED_PASSWORD -> new Observation(UNUSED_CREDENTIALS, f.accountId(), f.resourceArn(),
                    "AWS::IAM::User", "password", "low", "Console password of " + name + " is unused (" + since + ")",
                    details);
            case UNUSED_ACCESS_KEY -> {
                details.put("accessKeyId", f.accessKeyId());
                yield new Observation(UNUSED_CREDENTIALS, f.accountId(), f.resourceArn(), "AWS::IAM::User",
                        keySlot > 0 ? "key:" + keySlot : "key:" + f.accessKeyId(), "low",
                        "Access key " + (keySlot > 0 ? keySlot : f.accessKeyId()) + " of " + name + " is unused ("
                                + since + ")", details);
            }
            case UNUSED_PERMISSION -> {
                String service = f.serviceNamespace().toLowerCase(Locale.ROOT);
                List<Map<String, Object>> actions = new ArrayList<>();
                for (UnusedAccessFinding.UnusedAction a : f.actions()) {
                    Map<String, Object> action = new LinkedHashMap<>();
                    action.put("action", qualified(service, a.action()));
                    action.put("lastAccessed", text(a.lastAccessed()));
                    actions.add(action);
                }
                details.put("serviceNamespace", service);
                details.put("actions", actions);
                yield new Observation(UNUSED_PERMISSION, f.accountId(), f.resourceArn(), resourceType(f.resourceArn()),
                        "service:" + service, "low", "Unused " + service + " permissions of " + name + " ("
                        + (actions.isEmpty() ? since : actions.size() + " unused action"
                        + (actions.size() == 1 ? "" : "s")) + ")", details);
            }
        };
    }

    /**
     * Accessloop's own view from a right-sizing plan: a retirement plan of a role is an unused role; a plan that
     * removes permissions is one unused-permission finding per service. A plan without changes reports nothing.
     */
    public static List<Observation> fromPlan(PrincipalPermissions p, Plan plan) {
        List<Observation> out = new ArrayList<>();
        if (!plan.hasChanges()) {
            return out;
        }
        List<String> sources = plan.evidence().sources();
        if (plan.kind() == ProposalKind.RETIRE) {
            if (p.isRole()) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("windowDays", plan.evidence().windowDays());
                details.put("sources", sources);
                details.put("removedPermissions", plan.removedPermissions());
                out.add(new Observation(UNUSED_ROLE, p.accountId(), p.arn(), "AWS::IAM::Role", "role", "medium",
                        "Role " + p.name() + " is unused (no use in the last " + plan.evidence().windowDays()
                                + " days)", details));
            }
            return out;
        }
        Map<String, List<Removal>> byService = new TreeMap<>();
        for (Removal r : plan.evidence().removals()) {
            int colon = r.action().indexOf(':');
            if (colon <= 0 || r.action().startsWith("NotAction:")) {
                continue;
            }
            String service = r.action().substring(0, colon).toLowerCase(Locale.ROOT);
            if (service.contains("*") || service.contains("?")) {
                continue;
            }
            byService.computeIfAbsent(service, k -> new ArrayList<>()).add(r);
        }
        byService.forEach((service, removals) -> {
            TreeSet<String> actions = new TreeSet<>();
            Instant lastUsed = null;
            for (Removal r : removals) {
                actions.add(r.action());
                if (r.lastUsed() != null && (lastUsed == null || r.lastUsed().isAfter(lastUsed))) {
                    lastUsed = r.lastUsed();
                }
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("serviceNamespace", service);
            details.put("actions", List.copyOf(actions));
            details.put("lastUsed", text(lastUsed));
            details.put("windowDays", plan.evidence().windowDays());
            details.put("sources", sources);
            out.add(new Observation(UNUSED_PERMISSION, p.accountId(), p.arn(), p.isRole() ? "AWS::IAM::Role"
                    : "AWS::IAM::User", "service:" + service, "low", "Unused " + service + " permissions of "
                    + p.name() + " (" + actions.size() + " unused action" + (actions.size() == 1 ? "" : "s") + ")",
                    details));
        });
        return out;
    }

    /** The rules whose findings carry a source list. */
    public static boolean sourced(String rule) {
        return rule.equals(UNUSED_ROLE) || rule.equals(UNUSED_PERMISSION) || rule.equals(UNUSED_CREDENTIALS)
                || rule.equals(ANALYZER_UNUSED_CREDENTIALS);
    }

    /** Last-accessed details of an unused-permission finding, per action (actions never used are left out). */
    public static Map<String, Instant> lastAccessed(UnusedAccessFinding f) {
        Map<String, Instant> out = new TreeMap<>();
        for (UnusedAccessFinding.UnusedAction a : f.actions()) {
            if (a.lastAccessed() != null && f.serviceNamespace() != null) {
                out.merge(qualified(f.serviceNamespace().toLowerCase(Locale.ROOT), a.action()), a.lastAccessed(),
                        (x, y) -> x.isAfter(y) ? x : y);
            }
        }
        return out;
    }

    /** Access Analyzer may name an action with or without its service prefix. */
    static String qualified(String service, String action) {
        return action.indexOf(':') > 0 ? action : service + ":" + action;
    }

    private static String resourceType(String arn) {
        return arn.contains(":user/") ? "AWS::IAM::User" : "AWS::IAM::Role";
    }

    private static String name(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}

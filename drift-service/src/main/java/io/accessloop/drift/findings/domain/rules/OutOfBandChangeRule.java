package io.accessloop.drift.findings.domain.rules;

import io.accessloop.drift.findings.domain.DriftRule;
import io.accessloop.drift.findings.domain.RuleInput;
import io.accessloop.drift.findings.domain.Severity;
import io.accessloop.drift.findings.domain.Violation;
import io.accessloop.drift.inventory.domain.AttachedPolicy;
import io.accessloop.drift.inventory.domain.IamSnapshot;
import io.accessloop.drift.inventory.domain.InlinePolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A managed principal changed and Accessloop did not do it: inline policies put or deleted, managed policies
 * attached or detached, the trust policy or permissions boundary replaced, the user added to a group. Each
 * difference is its own finding, and it resolves once the difference is undone.
 */
public final class OutOfBandChangeRule implements DriftRule {

    public static final String ID = "out-of-band-change";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.HIGH;
    }

    @Override
    public List<Violation> evaluate(RuleInput input) {
        IamSnapshot current = input.current();
        if (current.deleted()) {
            return List.of();
        }
        Map<String, Violation> out = new LinkedHashMap<>();
        if (input.managed() && input.changedFromKnownState() && !input.attribution().byAccessloop()) {
            for (Violation v : differences(input.previous(), current, input)) {
                if (!undoes(v.key(), input.liveKeys(ID))) {
                    out.put(v.key(), v);
                }
            }
        }
        for (String key : input.liveKeys(ID)) {
            if (!out.containsKey(key) && stillHolds(key, current)) {
                out.put(key, new Violation(key, "Out-of-band change still in place", Map.of()));
            }
        }
        return new ArrayList<>(out.values());
    }

    private static List<Violation> differences(IamSnapshot before, IamSnapshot after, RuleInput input) {
        List<Violation> out = new ArrayList<>();
        String who = input.attribution().actorArn() == null ? "an unknown actor" : input.attribution().actorArn();
        String what = after.type().name().toLowerCase() + " " + after.name();
        for (InlinePolicy p : after.inlinePolicies()) {
            var old = before.inlinePolicy(p.name());
            if (old.isEmpty() || !old.get().document().equals(p.document())) {
                out.add(violation("inline:" + p.name() + ":" + Digest.of(p.document()),
                        "Inline policy " + p.name() + (old.isEmpty() ? " added to " : " changed on ") + what
                                + " outside Accessloop by " + who,
                        old.map(InlinePolicy::document).orElse(null), p.document(), input));
            }
        }
        for (InlinePolicy p : before.inlinePolicies()) {
            if (after.inlinePolicy(p.name()).isEmpty()) {
                out.add(violation("inline-removed:" + p.name(), "Inline policy " + p.name() + " deleted from " + what
                        + " outside Accessloop by " + who, p.document(), null, input));
            }
        }
        for (AttachedPolicy p : after.attachedPolicies()) {
            if (!before.hasAttached(p.arn())) {
                out.add(violation("attached:" + p.arn(), "Managed policy " + p.arn() + " attached to " + what
                        + " outside Accessloop by " + who, null, p.arn(), input));
            }
        }
        for (AttachedPolicy p : before.attachedPolicies()) {
            if (!after.hasAttached(p.arn())) {
                out.add(violation("detached:" + p.arn(), "Managed policy " + p.arn() + " detached from " + what
                        + " outside Accessloop by " + who, p.arn(), null, input));
            }
        }
        if (!Objects.equals(before.trustPolicy(), after.trustPolicy())) {
            out.add(violation("trust:" + Digest.of(after.trustPolicy()), "Trust policy of " + what
                    + " replaced outside Accessloop by " + who, before.trustPolicy(), after.trustPolicy(), input));
        }
        if (!Objects.equals(before.permissionsBoundaryArn(), after.permissionsBoundaryArn())) {
            out.add(violation("boundary:" + Objects.toString(after.permissionsBoundaryArn(), "none"),
                    "Permissions boundary of " + what + " changed outside Accessloop by " + who,
                    before.permissionsBoundaryArn(), after.permissionsBoundaryArn(), input));
        }
        Set<String> newGroups = new LinkedHashSet<>(after.groups());
        newGroups.removeAll(before.groups());
        for (String group : newGroups) {
            out.add(violation("group:" + group, what + " added to group " + group + " outside Accessloop by " + who,
                    null, group, input));
        }
        return out;
    }

    private static Violation violation(String key, String summary, Object before, Object after, RuleInput input) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("change", key.substring(0, key.indexOf(':')));
        evidence.put("before", before);
        evidence.put("after", after);
        evidence.put("actor", input.attribution().actorArn());
        evidence.put("sourceIdentity", input.attribution().sourceIdentity());
        evidence.put("eventName", input.attribution().eventName());
        evidence.put("capturedAt", input.current().capturedAt().toString());
        return new Violation(key, summary, evidence);
    }

    /** Undoing an out-of-band change (detaching what was attached, deleting what was put) is no new drift. */
    static boolean undoes(String key, Set<String> liveKeys) {
        if (key.startsWith("detached:")) {
            return liveKeys.contains("attached:" + key.substring("detached:".length()));
        }
        if (key.startsWith("attached:")) {
            return liveKeys.contains("detached:" + key.substring("attached:".length()));
        }
        if (key.startsWith("inline-removed:")) {
            String prefix = "inline:" + key.substring("inline-removed:".length()) + ":";
            return liveKeys.stream().anyMatch(k -> k.startsWith(prefix));
        }
        if (key.startsWith("inline:")) {
            String name = key.substring("inline:".length(), key.lastIndexOf(':'));
            return liveKeys.contains("inline-removed:" + name);
        }
        return false;
    }

    static boolean stillHolds(String key, IamSnapshot current) {
        int colon = key.indexOf(':');
        String kind = key.substring(0, colon);
        String rest = key.substring(colon + 1);
        return switch (kind) {
            case "inline" -> {
                int last = rest.lastIndexOf(':');
                String name = rest.substring(0, last);
                yield current.inlinePolicy(name).map(p -> Digest.of(p.document()).equals(rest.substring(last + 1)))
                        .orElse(false);
            }
            case "inline-removed" -> current.inlinePolicy(rest).isEmpty();
            case "attached" -> current.hasAttached(rest);
            case "detached" -> !current.hasAttached(rest);
            case "trust" -> Digest.of(current.trustPolicy()).equals(rest);
            case "boundary" -> Objects.toString(current.permissionsBoundaryArn(), "none").equals(rest);
            case "group" -> current.groups().contains(rest);
            default -> false;
        };
    }
}

package io.accessloop.drift.findings.domain;

import io.accessloop.drift.inventory.domain.Attribution;
import io.accessloop.drift.inventory.domain.IamSnapshot;

import java.util.Map;
import java.util.Set;

/**
 * What a rule sees for one resource: its state before and after a change (before is null on first sight), who made
 * the change, whether Accessloop manages the principal, and the keys of this resource's live findings per rule.
 */
public record RuleInput(IamSnapshot previous, IamSnapshot current, Attribution attribution, boolean managed,
                        Map<String, Set<String>> liveKeysByRule) {

    public RuleInput {
        liveKeysByRule = liveKeysByRule == null ? Map.of() : Map.copyOf(liveKeysByRule);
        attribution = attribution == null ? Attribution.unknown() : attribution;
    }

    public Set<String> liveKeys(String rule) {
        return liveKeysByRule.getOrDefault(rule, Set.of());
    }

    /** Whether this is a real change from a known earlier state (not the first sight of the resource). */
    public boolean changedFromKnownState() {
        return previous != null && !previous.deleted() && !current.deleted();
    }
}

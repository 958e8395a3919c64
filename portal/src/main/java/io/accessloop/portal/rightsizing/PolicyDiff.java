package io.accessloop.portal.rightsizing;

import io.accessloop.portal.clients.drift.Proposal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One policy's current-versus-proposed view: the allowed actions that go, stay and are new, beside both documents
 * pretty-printed.
 */
public record PolicyDiff(String policy, String kind, String replaces, List<String> removed, List<String> kept,
                         List<String> added, String before, String after) {

    static PolicyDiff of(Proposal.Change change) {
        Set<String> before = PolicyActions.allowed(change.before());
        Set<String> after = PolicyActions.allowed(change.after());
        Set<String> removed = copy(before);
        removed.removeAll(after);
        Set<String> kept = copy(before);
        kept.retainAll(after);
        Set<String> added = copy(after);
        added.removeAll(before);
        return new PolicyDiff(change.policy(), change.kind(), change.replaces(), List.copyOf(removed),
                List.copyOf(kept), List.copyOf(added), pretty(change.before()), pretty(change.after()));
    }

    private static Set<String> copy(Set<String> actions) {
        Set<String> copy = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        copy.addAll(actions);
        return copy;
    }

    private static String pretty(com.fasterxml.jackson.databind.JsonNode document) {
        return document == null || document.isNull() ? null : document.toPrettyString();
    }
}

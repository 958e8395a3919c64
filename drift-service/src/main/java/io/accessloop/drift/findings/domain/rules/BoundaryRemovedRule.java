package io.accessloop.drift.findings.domain.rules;

import io.accessloop.drift.findings.domain.DriftRule;
import io.accessloop.drift.findings.domain.RuleInput;
import io.accessloop.drift.findings.domain.Severity;
import io.accessloop.drift.findings.domain.Violation;
import io.accessloop.drift.inventory.domain.IamSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A principal lost its permissions boundary; resolves when a boundary is set again. */
public final class BoundaryRemovedRule implements DriftRule {

    public static final String ID = "permissions-boundary-removed";

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
        if (current.deleted() || current.permissionsBoundaryArn() != null) {
            return List.of();
        }
        List<Violation> out = new ArrayList<>();
        if (input.changedFromKnownState() && input.previous().permissionsBoundaryArn() != null) {
            String removed = input.previous().permissionsBoundaryArn();
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("removedBoundary", removed);
            evidence.put("actor", input.attribution().actorArn());
            evidence.put("sourceIdentity", input.attribution().sourceIdentity());
            out.add(new Violation("boundary:" + removed, "Permissions boundary " + removed + " removed from "
                    + current.name(), evidence));
        }
        for (String key : input.liveKeys(ID)) {
            if (out.stream().noneMatch(v -> v.key().equals(key))) {
                out.add(new Violation(key, "Permissions boundary still missing", Map.of()));
            }
        }
        return out;
    }
}

package io.accessloop.drift.findings.domain;

import java.util.List;

/**
 * One drift rule. It returns every condition that holds now on the resource; the findings service opens a finding
 * for each new key and resolves live findings whose key is no longer returned.
 */
public interface DriftRule {

    /** Stable id, e.g. {@code out-of-band-change}; used in events, the API and settings. */
    String id();

    Severity defaultSeverity();

    List<Violation> evaluate(RuleInput input);
}

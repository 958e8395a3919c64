package io.accessloop.drift.accessanalyzer.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One piece of unused access as one source sees it, in the shape of a drift finding: rule, principal and
 * deduplication key say which finding it is; two sources that see the same thing produce equal identities.
 *
 * @param details what the source says (last access, unused actions…), shown under its name in the evidence
 */
public record Observation(String rule, String accountId, String principalArn, String resourceType, String dedupKey,
                          String severity, String summary, Map<String, Object> details) {

    public Observation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(principalArn, "principalArn");
        Objects.requireNonNull(dedupKey, "dedupKey");
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** Which finding this is (rule, account, principal, key). */
    public String identity() {
        return rule + '\u0000' + accountId + '\u0000' + principalArn + '\u0000' + dedupKey;
    }
}

package io.accessloop.drift.accessanalyzer.domain;

import java.time.Instant;
import java.util.List;

/**
 * One active unused-access finding of an IAM Access Analyzer analyzer (ListFindingsV2 summary plus GetFindingV2
 * details).
 *
 * @param lastAccessed     the last use Access Analyzer knows of (role, key, password or service); null when never
 * @param accessKeyId      for {@link UnusedAccessType#UNUSED_ACCESS_KEY}; else null
 * @param serviceNamespace for {@link UnusedAccessType#UNUSED_PERMISSION}; else null
 * @param actions          for {@link UnusedAccessType#UNUSED_PERMISSION}: the unused actions with their last use
 */
public record UnusedAccessFinding(String id, String analyzerArn, UnusedAccessType type, String resourceArn,
                                  String resourceType, String accountId, Instant lastAccessed, String accessKeyId,
                                  String serviceNamespace, List<UnusedAction> actions) {

    public UnusedAccessFinding {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** An action of an unused permission; {@code lastAccessed} null when never used. */
    public record UnusedAction(String action, Instant lastAccessed) {
    }
}

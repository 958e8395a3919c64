package io.accessloop.drift.remediation.domain;

import io.accessloop.drift.inventory.domain.ArnPattern;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which findings Accessloop undoes by itself. Every remediation is off unless its rule is enabled; an enabled rule may
 * be narrowed to principals matching ARN patterns. Only two kinds exist: an out-of-band managed-policy attachment is
 * detached again, and a long-lived or too-old access key is deactivated.
 */
public final class RemediationPolicy {

    public static final String OUT_OF_BAND = "out-of-band-change";
    public static final String OLD_KEY = "access-key-too-old";
    public static final String HUMAN_KEY = "human-user-access-key";

    private final Map<String, Optional<ArnPattern>> enabled;

    /** {@code enabled}: rule id → principal patterns (empty list: every principal). */
    public RemediationPolicy(Map<String, List<String>> enabled) {
        this.enabled = enabled.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().isEmpty() ? Optional.<ArnPattern>empty() : Optional.of(new ArnPattern(e.getValue()))));
        for (String rule : enabled.keySet()) {
            if (!List.of(OUT_OF_BAND, OLD_KEY, HUMAN_KEY).contains(rule)) {
                throw new IllegalArgumentException("rule " + rule + " has no remediation");
            }
        }
    }

    public static RemediationPolicy none() {
        return new RemediationPolicy(Map.of());
    }

    /** The action to take for a newly opened finding, if its rule's remediation is on and applies to it. */
    public Optional<RemediationAction> plan(String rule, String findingKey, String resourceType, String principalArn,
                                            Map<String, Object> evidence) {
        Optional<ArnPattern> scope = enabled.get(rule);
        if (scope == null || scope.map(p -> !p.matches(principalArn)).orElse(false)) {
            return Optional.empty();
        }
        String name = principalArn.substring(principalArn.lastIndexOf('/') + 1);
        if (OUT_OF_BAND.equals(rule) && findingKey.startsWith("attached:")) {
            return kind(resourceType).map(kind -> new RemediationAction.DetachPolicy(kind, name,
                    findingKey.substring("attached:".length())));
        }
        if ((OLD_KEY.equals(rule) || HUMAN_KEY.equals(rule)) && "USER".equals(resourceType)
                && findingKey.matches("key:[12]")) {
            return Optional.of(new RemediationAction.DeactivateAccessKey(name,
                    Integer.parseInt(findingKey.substring(4)), instant(evidence.get("lastRotated"))));
        }
        return Optional.empty();
    }

    private static Optional<RemediationAction.PrincipalKind> kind(String resourceType) {
        return switch (resourceType) {
            case "USER" -> Optional.of(RemediationAction.PrincipalKind.USER);
            case "GROUP" -> Optional.of(RemediationAction.PrincipalKind.GROUP);
            case "ROLE" -> Optional.of(RemediationAction.PrincipalKind.ROLE);
            default -> Optional.empty();
        };
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

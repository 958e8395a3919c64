package io.accessloop.drift.remediation.domain;

import java.time.Instant;
import java.util.Objects;

/** One undo step Accessloop may carry out for a finding. {@code target} identifies it; a finding gets each once. */
public sealed interface RemediationAction {

    /** {@code detach-policy} or {@code deactivate-access-key}. */
    String kind();

    /** What is acted on, stable across retries (the unique key together with the finding and kind). */
    String target();

    /** One line for the record and the {@code REMEDIATION_APPLIED} event. */
    String describe();

    /** Reads an action back from its {@link #kind()} and {@link #target()} (IAM names never contain a colon). */
    static RemediationAction parse(String kind, String target) {
        String[] parts = target.split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a remediation target: " + target);
        }
        return switch (kind) {
            case "detach-policy" -> new DetachPolicy(PrincipalKind.valueOf(parts[0]), parts[1], parts[2]);
            case "deactivate-access-key" -> new DeactivateAccessKey(parts[0], Integer.parseInt(parts[1]),
                    parts[2].isEmpty() ? null : Instant.parse(parts[2]));
            default -> throw new IllegalArgumentException("unknown remediation kind " + kind);
        };
    }

    /** Detach a managed policy from a user, group or role (only while it is still attached). */
    record DetachPolicy(PrincipalKind principalKind, String principalName, String policyArn) implements RemediationAction {
        public DetachPolicy {
            Objects.requireNonNull(principalKind, "principalKind");
            Objects.requireNonNull(principalName, "principalName");
            Objects.requireNonNull(policyArn, "policyArn");
        }

        @Override
        public String kind() {
            return "detach-policy";
        }

        @Override
        public String target() {
            return principalKind.name() + ":" + principalName + ":" + policyArn;
        }

        @Override
        public String describe() {
            return "detach " + policyArn + " from " + principalKind.label() + " " + principalName;
        }
    }

    /**
     * Set a user's access key inactive. The credential report names keys by slot (1 or 2, oldest first), so the key
     * is found again by its creation time when the finding knows it, else by its slot.
     */
    record DeactivateAccessKey(String userName, int slot, Instant createdAt) implements RemediationAction {
        public DeactivateAccessKey {
            Objects.requireNonNull(userName, "userName");
            if (slot < 1 || slot > 2) {
                throw new IllegalArgumentException("an access key slot is 1 or 2");
            }
        }

        @Override
        public String kind() {
            return "deactivate-access-key";
        }

        @Override
        public String target() {
            return userName + ":" + slot + ":" + (createdAt == null ? "" : createdAt.toString());
        }

        @Override
        public String describe() {
            return "deactivate access key " + slot + " of user " + userName;
        }
    }

    /** The IAM principal kinds a policy can be attached to. */
    enum PrincipalKind {
        USER, GROUP, ROLE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

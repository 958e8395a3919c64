package io.accessloop.lifecycle.offboarding.domain;

import java.util.List;
import java.util.Objects;

/**
 * One thing done to (or found about) an IAM user by a clean-up: an action such as {@link #KEY_DEACTIVATED}, or a
 * plain note ({@code action} empty) such as "the user is gone". Actions become IAM_USER_ACTIONED events.
 *
 * @param action      what was done, one of the constants; empty for a note
 * @param userName    the IAM user
 * @param userArn     its ARN; empty when the user could not be read (already gone)
 * @param accessKeyId the access key acted on; empty when the action concerns the user itself
 * @param description the same in words, for case reports and the ledger
 */
public record UserChange(String action, String userName, String userArn, String accessKeyId, String description) {

    public static final String KEY_NOTICE = "key-notice";
    public static final String KEY_DEACTIVATED = "key-deactivated";
    public static final String KEY_DELETED = "key-deleted";
    public static final String LOGIN_PROFILE_DELETED = "login-profile-deleted";
    public static final String GROUP_MEMBERSHIP_REMOVED = "group-membership-removed";
    public static final String INLINE_POLICY_DELETED = "inline-policy-deleted";
    public static final String MANAGED_POLICY_DETACHED = "managed-policy-detached";
    public static final String MFA_DEVICE_DEACTIVATED = "mfa-device-deactivated";
    public static final String USER_DISABLED = "user-disabled";
    public static final String USER_KEPT_OFFBOARDED = "user-kept-offboarded";
    public static final String USER_DELETED = "user-deleted";

    public UserChange {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(userName, "userName");
        userArn = userArn == null ? "" : userArn;
        accessKeyId = accessKeyId == null ? "" : accessKeyId;
        Objects.requireNonNull(description, "description");
    }

    public static UserChange action(String action, String userName, String userArn, String accessKeyId,
                                    String description) {
        return new UserChange(action, userName, userArn, accessKeyId, description);
    }

    public static UserChange note(String userName, String description) {
        return new UserChange("", userName, "", "", description);
    }

    /** Whether something was changed (not just observed). */
    public boolean isAction() {
        return !action.isEmpty();
    }

    /** The AWS account of the user, read from its ARN ({@code arn:aws:iam::<account>:user/...}); empty when unknown. */
    public String accountId() {
        String[] parts = userArn.split(":", 6);
        return parts.length == 6 ? parts[4] : "";
    }

    /**
     * Everything in {@code first}, then what {@code second} adds: a change listed in both (same action, user, key and
     * description) counts once.
     */
    public static List<UserChange> union(List<UserChange> first, List<UserChange> second) {
        java.util.LinkedHashSet<UserChange> all = new java.util.LinkedHashSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    public static List<String> descriptions(List<UserChange> changes) {
        return changes.stream().map(UserChange::description).toList();
    }
}

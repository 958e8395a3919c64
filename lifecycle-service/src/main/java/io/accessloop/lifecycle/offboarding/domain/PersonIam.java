package io.accessloop.lifecycle.offboarding.domain;

import java.time.Instant;
import java.util.List;

/**
 * The narrow IAM port offboarding needs. A person's IAM users are those named after their e-mail or tagged
 * {@code accessloop:identity} with it; roles they own carry {@code accessloop:owner}. Every method is idempotent
 * (what is already gone is skipped) and returns what it did, for the case report.
 */
public interface PersonIam {

    /** Tag key naming the person an IAM user belongs to. */
    String IDENTITY_TAG = "accessloop:identity";
    /** Tag key naming the owner of a role or workload. */
    String OWNER_TAG = "accessloop:owner";
    /** Tag key set on a principal whose owner left. */
    String OWNER_STATUS_TAG = "accessloop:owner-status";
    /** Value of {@link #OWNER_STATUS_TAG} once flagged. */
    String OWNER_OFFBOARDED = "offboarded";
    /** Tag key set on a user kept (disposition tag) after offboarding. */
    String OFFBOARDED_TAG = "accessloop:offboarded-at";

    List<String> usersOf(String email);

    /**
     * Deactivates then deletes access keys, deletes the login profile, removes group memberships, deletes inline
     * and detaches managed policies, deactivates and deletes MFA devices, then deletes the user or, with
     * {@code keepUser}, tags it as offboarded at {@code at}. Returns every change made, in order.
     */
    List<UserChange> removeUser(String userName, boolean keepUser, Instant at);

    /**
     * What {@link #removeUser} would change now, without changing anything (the same changes and descriptions, in
     * the same order); empty when the user does not exist.
     */
    List<UserChange> planRemoval(String userName, boolean keepUser);

    List<String> rolesOwnedBy(String email);

    /** Tags a role whose owner left so that it shows up for hand-over; returns what it did. */
    List<String> flagOwnedRole(String roleName, Instant at);

    /** Everything that still references the person: users with any credential or membership, unflagged roles. */
    List<String> remainingReferences(String email, boolean keepUsers);
}

package io.accessloop.broker.revocation.domain;

/** Writes the revocation policy of a role (IAM PutRolePolicy / DeleteRolePolicy). */
public interface RoleRevoker {

    void putPolicy(String roleArn, String policyName, String policyJson);

    void deletePolicy(String roleArn, String policyName);

    /** Characters counted against the role's inline quota by its inline policies other than {@code policyName}. */
    int otherInlineCharacters(String roleArn, String policyName);
}

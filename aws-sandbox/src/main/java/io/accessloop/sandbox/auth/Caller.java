package io.accessloop.sandbox.auth;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who signed a request: the account root, an IAM user, a role session or a federated user, with everything
 * the evaluator and CloudTrail need (session tags, source identity, token issue time, session policies).
 *
 * @param type             the CloudTrail {@code userIdentity.type}
 * @param arn              the principal ARN (for a session: {@code arn:aws:sts::…:assumed-role/Role/session})
 * @param principalId      {@code aws:userid} ({@code AROA…:session} for a role session)
 * @param userName         the IAM user (for a federated user or a GetSessionToken session: the issuing user)
 * @param roleName         the role of a role session
 * @param sessionName      the role session name or federated user name
 * @param sessionPolicies  inline session policy documents (JSON), intersected with identity policies
 * @param sessionPolicyArns managed session policies
 * @param chained          a role session obtained with role-session credentials (1-hour cap)
 */
public record Caller(Type type, String accountId, String arn, String principalId, String accessKeyId,
                     String userName, String roleName, String roleArn, String roleId, String sessionName,
                     String sourceIdentity, Map<String, String> sessionTags, Set<String> transitiveTagKeys,
                     Instant tokenIssueTime, List<String> sessionPolicies, List<String> sessionPolicyArns,
                     boolean chained, boolean mfaAuthenticated) {

    /** CloudTrail's identity types. */
    public enum Type {
        ROOT("Root"), IAM_USER("IAMUser"), ASSUMED_ROLE("AssumedRole"), FEDERATED_USER("FederatedUser");

        private final String trailName;

        Type(String trailName) {
            this.trailName = trailName;
        }

        public String trailName() {
            return trailName;
        }
    }

    public static Caller root(String accountId, String accessKeyId) {
        return new Caller(Type.ROOT, accountId, "arn:aws:iam::" + accountId + ":root", accountId, accessKeyId,
                null, null, null, null, null, null, Map.of(), Set.of(), null, List.of(), List.of(), false, false);
    }

    public static Caller user(String accountId, String userArn, String userId, String userName, String accessKeyId) {
        return new Caller(Type.IAM_USER, accountId, userArn, userId, accessKeyId, userName, null, null, null, null,
                null, Map.of(), Set.of(), null, List.of(), List.of(), false, false);
    }

    public boolean isSession() {
        return tokenIssueTime != null;
    }

    /** The IAM identity whose policies apply: the role for a role session, otherwise the user. */
    public String identityArn() {
        return type == Type.ASSUMED_ROLE ? roleArn : arn;
    }

    public Caller withAccessKey(String newAccessKeyId) {
        return new Caller(type, accountId, arn, principalId, newAccessKeyId, userName, roleName, roleArn, roleId,
                sessionName, sourceIdentity, sessionTags, transitiveTagKeys, tokenIssueTime, sessionPolicies,
                sessionPolicyArns, chained, mfaAuthenticated);
    }
}

package io.accessloop.iam.eval;

/**
 * The outcome of an {@code AssumeRole} call: the role may be assumed only when {@code sts:AssumeRole} is allowed
 * and, when the call sets a source identity or session tags, {@code sts:SetSourceIdentity} and
 * {@code sts:TagSession} are allowed too. The last two are {@code null} when the call does not need them.
 */
public record TrustDecision(EvaluationResult assumeRole, EvaluationResult setSourceIdentity,
        EvaluationResult tagSession) {

    public boolean allowed() {
        return assumeRole.isAllowed()
                && (setSourceIdentity == null || setSourceIdentity.isAllowed())
                && (tagSession == null || tagSession.isAllowed());
    }

    /** The first result that refused the call, for the error message; {@code null} when allowed. */
    public EvaluationResult refusal() {
        if (!assumeRole.isAllowed()) {
            return assumeRole;
        }
        if (setSourceIdentity != null && !setSourceIdentity.isAllowed()) {
            return setSourceIdentity;
        }
        if (tagSession != null && !tagSession.isAllowed()) {
            return tagSession;
        }
        return null;
    }
}

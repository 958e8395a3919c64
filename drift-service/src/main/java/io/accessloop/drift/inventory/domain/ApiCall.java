package io.accessloop.drift.inventory.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An IAM write call from CloudTrail: what was called on which resource, and who called it.
 *
 * @param actorArn {@code userIdentity.arn} of the caller
 * @param issuerArn for assumed-role sessions, the role the session belongs to ({@code sessionContext.sessionIssuer.arn})
 * @param sourceIdentity {@code sessionContext.sourceIdentity}: the person behind a session, as the broker sets it
 * @param target the resource the call changed, when the call names one
 * @param parameters the request parameters as JSON text
 */
public record ApiCall(
        String eventId,
        String accountId,
        String eventSource,
        String eventName,
        Instant eventTime,
        String actorArn,
        String issuerArn,
        String sourceIdentity,
        ResourceKey target,
        String policyArn,
        String policyName,
        String parameters) {

    public ApiCall {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(eventTime, "eventTime");
    }
}

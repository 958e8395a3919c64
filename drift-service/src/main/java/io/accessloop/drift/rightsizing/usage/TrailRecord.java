package io.accessloop.drift.rightsizing.usage;

import java.time.Instant;

/**
 * The fields of one CloudTrail record that right-sizing needs, nothing else.
 *
 * @param principalArn the IAM identity behind the call: the role for assumed-role sessions, the user for IAM users
 *                     ({@code null} for root, AWS services and anonymous calls)
 * @param resourceArn  the one resource ARN the record names, when it names exactly one (else {@code null})
 * @param errorCode    {@code null} for a successful call
 */
public record TrailRecord(String eventId, String eventSource, String eventName, Instant eventTime,
                          String principalArn, String resourceArn, String errorCode, String awsRegion) {

    /** Whether the call was refused for lack of permission. */
    public boolean accessDenied() {
        return errorCode != null && (errorCode.equals("AccessDenied") || errorCode.equals("AccessDeniedException")
                || errorCode.endsWith("UnauthorizedOperation") || errorCode.equals("UnauthorizedAccess"));
    }

    public boolean succeeded() {
        return errorCode == null;
    }
}

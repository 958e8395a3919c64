package io.accessloop.drift.rightsizing.usage;

import java.time.Instant;

/**
 * One IAM action a principal exercised (or was refused) at a time; {@code resource} is {@code null} when the
 * evidence does not say which resource the action applied to.
 */
public record ObservedCall(String principalArn, String action, String resource, Instant time, boolean denied,
                           String eventId) {
}

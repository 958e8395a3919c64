package io.accessloop.lifecycle.expiry.domain;

import java.time.Instant;

/**
 * A pending reminder whose time has come, with the grant as the sweep found it.
 *
 * @param grantId        the grant
 * @param leadSeconds    how long before the end it was planned
 * @param plannedEnd     the end it was planned for
 * @param grantState     where the grant stands now
 * @param grantEnd       the grant's current end
 * @param shorterLeadDue a reminder of the same grant and end with a shorter lead is due (or already sent) too
 */
public record DueReminder(String grantId, long leadSeconds, Instant plannedEnd, GrantState grantState,
                          Instant grantEnd, boolean shorterLeadDue) {
}

package io.accessloop.lifecycle.inactive.domain;

import java.time.Duration;

/**
 * Thresholds of the inactive-user sweep.
 *
 * @param disableAfter no sign-in and no key use for this long: keys deactivated, login profile removed
 * @param deleteAfter  disabled for this long: the user is deleted
 * @param keyMaxAge    an active key older than this gets a notice
 * @param keyNotice    ... and is deactivated this long after the notice
 */
public record InactivityPolicy(Duration disableAfter, Duration deleteAfter, Duration keyMaxAge, Duration keyNotice) {
}

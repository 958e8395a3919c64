package io.accessloop.lifecycle.hr.domain;

import java.time.Instant;

/**
 * A validated HR event in the canonical shape.
 *
 * @param id           unique per event (the idempotency key)
 * @param type         kind
 * @param occurredAt   when HR recorded it
 * @param effectiveAt  when it takes effect; equals occurredAt when not given
 * @param email        the person, lower-cased
 * @param employeeId   HR id, optional
 * @param team         the team (new team for transfers), optional
 * @param previousTeam the old team (transfers)
 */
public record HrEvent(String id, HrEventType type, Instant occurredAt, Instant effectiveAt, String email,
                      String employeeId, String team, String previousTeam) {
}

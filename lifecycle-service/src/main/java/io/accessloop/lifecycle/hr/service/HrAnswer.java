package io.accessloop.lifecycle.hr.service;

/**
 * The 202 answer to an HR event, stored with it and returned unchanged on replays.
 *
 * @param eventId   the HR event id
 * @param type      the HR event kind
 * @param status    {@code accepted} (acted on now) or {@code scheduled} (future-dated termination)
 * @param caseId    the offboarding case of a termination
 * @param statusUrl where to follow it up
 */
public record HrAnswer(String eventId, String type, String status, String caseId, String statusUrl) {
}

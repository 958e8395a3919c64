package io.accessloop.contracts.command;

/**
 * Command: revoke every grant and live session of a person.
 * <p>CloudEvents type {@code io.accessloop.command.identity.revoke.v1}.
 *
 * @param identity person
 * @param reason why
 * @param requestedBy person or service
 * @param caseId offboarding case (optional)
 */
public record RevokeIdentity(String identity, String reason, String requestedBy, String caseId) {
}

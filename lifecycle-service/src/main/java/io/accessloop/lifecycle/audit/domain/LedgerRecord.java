package io.accessloop.lifecycle.audit.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;

/**
 * What is about to be written to the ledger, before it gets its place in the chain.
 *
 * @param kind         event type (consumed or published) or the name of an own action
 * @param source       who produced it ({@code /broker-service}, {@code hr:workday}, a person's e-mail)
 * @param subject      the object it is about (grant id, case id, principal ARN)
 * @param identity     the person it concerns, lower-cased e-mail, if any
 * @param grantId      the grant it concerns, if any
 * @param principalArn the IAM principal it concerns, if any
 * @param eventId      the CloudEvents id when the entry records an event
 * @param occurredAt   when it happened (the event time)
 * @param data         the content; secret-bearing fields are removed on construction
 */
public record LedgerRecord(String kind, String source, String subject, String identity, String grantId,
                           String principalArn, String eventId, Instant occurredAt, JsonNode data) {

    public LedgerRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(data, "data");
        data = Redaction.strip(data);
    }

    /** The same record filed under {@code person} (lower-cased). */
    public LedgerRecord withIdentity(String person) {
        return new LedgerRecord(kind, source, subject, person == null ? null : person.toLowerCase(java.util.Locale.ROOT),
                grantId, principalArn, eventId, occurredAt, data);
    }

    /** The same record filed under the IAM principal {@code arn}. */
    public LedgerRecord withPrincipalArn(String arn) {
        return new LedgerRecord(kind, source, subject, identity, grantId, arn, eventId, occurredAt, data);
    }
}

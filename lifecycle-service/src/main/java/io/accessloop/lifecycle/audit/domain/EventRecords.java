package io.accessloop.lifecycle.audit.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.contracts.CloudEvent;

import java.util.Locale;

/**
 * Turns any CloudEvent (consumed or published) into a ledger record, lifting the fields the ledger is queried by
 * (person, grant, principal) out of whatever payload shape the type has.
 */
public final class EventRecords {

    private EventRecords() {
    }

    public static LedgerRecord of(CloudEvent event) {
        JsonNode data = event.data();
        String identity = firstText(data, "identity", "requester");
        return new LedgerRecord(event.type(), event.source(), event.subject(),
                identity == null ? null : identity.toLowerCase(Locale.ROOT),
                firstText(data, "grantId"),
                firstText(data, "principalArn", "roleArn"),
                event.id(), event.time(), data);
    }

    private static String firstText(JsonNode data, String... fields) {
        for (String field : fields) {
            JsonNode value = data.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }
}

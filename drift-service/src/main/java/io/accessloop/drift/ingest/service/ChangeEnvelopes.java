package io.accessloop.drift.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.accessloop.contracts.CloudEvent;
import io.accessloop.contracts.EventCodec;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.aws.AwsChangeReceived;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/**
 * Writes the {@code AWS_CHANGE_RECEIVED} envelope of a stored raw event as {@link EventCodec#encode} would write
 * {@link CloudEvent#create}'s event, but in one pass: the payload is serialised straight into the envelope instead of
 * first into a JSON tree (ingestion writes one envelope per stored notification).
 */
final class ChangeEnvelopes {

    private final ObjectWriter writer;
    private final String source;

    ChangeEnvelopes(EventCodec codec, String source) {
        this.writer = codec.mapper().writerFor(Envelope.class);
        this.source = source;
    }

    /** The envelope with id {@code eventId}, subject the raw event id and time the moment it was received. */
    String encode(String eventId, AwsChangeReceived payload) {
        try {
            return writer.writeValueAsString(new Envelope(CloudEvent.SPEC_VERSION, eventId, source,
                    EventTypes.CHANGE_RECEIVED.type(), payload.rawEventId(), payload.receivedAt(), CloudEvent.JSON,
                    payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the envelope of " + payload.rawEventId(), e);
        }
    }

    /** {@link CloudEvent}'s attributes with a typed payload. */
    @RegisterForReflection
    record Envelope(String specversion, String id, String source, String type, String subject, Instant time,
                    String datacontenttype, AwsChangeReceived data) {
    }
}

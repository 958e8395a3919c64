package io.accessloop.drift.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What Firehose expects back from an HTTP endpoint: the delivery's request id and the time of the answer (epoch
 * milliseconds); on failure also an error message, which Firehose logs with the status code.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FirehoseAnswer(String requestId, long timestamp, String errorMessage) {
}

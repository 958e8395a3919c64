package io.accessloop.drift.inventory.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** An IAM write call CloudTrail recorded on a resource: who called what, when. */
public record ChangeView(String eventId, String eventName, String actorArn, String sourceIdentity,
                         boolean byAccessloop, Instant occurredAt, JsonNode requestParameters) {
}

package io.accessloop.drift.ingest.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.drift.ingest.config.IngestSettings;
import io.accessloop.drift.ingest.domain.IngestCredentials;
import io.accessloop.drift.ingest.domain.MalformedNotificationException;
import io.accessloop.drift.ingest.domain.Notification;
import io.accessloop.drift.ingest.domain.NotificationParser;
import io.accessloop.drift.ingest.service.IngestService;
import io.accessloop.kit.problem.Problem;
import io.accessloop.kit.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Push ingestion: EventBridge API destinations and SNS HTTPS subscriptions POST here. The notification is checked,
 * stored and queued before the answer (202); processing happens from {@code accessloop.aws.changes}.
 */
@Path("/ingest/aws/events")
public class IngestResource {

    private final IngestService ingest;
    private final NotificationParser parser;
    private final IngestCredentials credentials;
    private final IngestSettings settings;
    private final MeterRegistry registry;

    IngestResource(IngestService ingest, ObjectMapper mapper, IngestSettings settings, MeterRegistry registry) {
        this.ingest = ingest;
        this.parser = new NotificationParser(mapper);
        this.settings = settings;
        this.registry = registry;
        this.credentials = new IngestCredentials(settings.apiKeys().orElse(List.of()),
                settings.basicUsername().orElse(null), settings.basicPasswords().orElse(List.of()));
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive an AWS Config / CloudTrail change notification (EventBridge or SNS)")
    public Uni<Response> receive(HttpHeaders headers, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                 String body) {
        if (!credentials.accepts(headers.getHeaderString(settings.apiKeyHeader()), authorization)) {
            registry.counter("accessloop_ingest_rejected_total", "reason", "unauthenticated").increment();
            throw new ProblemException(Problem.of(401, "ingest-unauthenticated", "Not authenticated",
                    "Send the configured API key header or basic-auth credentials"));
        }
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > settings.maxBodyBytes()) {
            throw new ProblemException(Problem.of(413, "notification-too-large", "Payload too large",
                    "Notifications are at most " + settings.maxBodyBytes() + " bytes"));
        }
        Notification notification;
        try {
            notification = parser.parse(body);
        } catch (MalformedNotificationException e) {
            registry.counter("accessloop_ingest_rejected_total", "reason", "malformed").increment();
            throw ProblemException.badRequest("malformed-notification", e.getMessage());
        }
        if (notification instanceof Notification.Ignored ignored) {
            registry.counter("accessloop_ingest_ignored_total").increment();
            return Uni.createFrom().item(Response.accepted(new IngestAnswer(null, "ignored", ignored.reason())).build());
        }
        return ingest.store(notification).map(accepted -> {
            registry.counter("accessloop_ingest_accepted_total", "kind", notification.kind(),
                    "duplicate", String.valueOf(accepted.duplicate())).increment();
            return Response.accepted(new IngestAnswer(accepted.rawEventId(),
                    accepted.duplicate() ? "duplicate" : "accepted", null)).build();
        });
    }

    /** The 202 body: the stored raw event id and whether it was new. */
    public record IngestAnswer(String rawEventId, String status, String reason) {
    }
}

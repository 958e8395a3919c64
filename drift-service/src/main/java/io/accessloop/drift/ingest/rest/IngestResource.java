package io.accessloop.drift.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.drift.ingest.config.IngestSettings;
import io.accessloop.drift.ingest.domain.IngestCredentials;
import io.accessloop.drift.ingest.domain.MalformedNotificationException;
import io.accessloop.drift.ingest.domain.Notification;
import io.accessloop.drift.ingest.domain.NotificationParser;
import io.accessloop.drift.ingest.domain.SnsMessage;
import io.accessloop.drift.ingest.service.CommitQueue;
import io.accessloop.drift.ingest.service.IngestService;
import io.accessloop.drift.ingest.service.SnsGate;
import io.accessloop.kit.problem.Problem;
import io.accessloop.kit.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Push ingestion: EventBridge API destinations and SNS HTTPS subscriptions POST here. The notification is checked
 * (credentials; for SNS also its signature), stored and queued before the answer (202); processing happens from
 * {@code accessloop.aws.changes}. SNS subscription confirmations are confirmed (200) and never stored.
 */
@Path("/ingest/aws/events")
public class IngestResource {

    private final IngestService ingest;
    private final NotificationParser parser;
    private final IngestCredentials credentials;
    private final IngestSettings settings;
    private final MeterRegistry registry;
    private final SnsGate gate;
    private final Map<String, Counter> acceptedCounters = new ConcurrentHashMap<>();

    IngestResource(IngestService ingest, ObjectMapper mapper, IngestSettings settings, MeterRegistry registry,
                   SnsGate gate) {
        this.ingest = ingest;
        this.gate = gate;
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
        if (tooLarge(body)) {
            throw new ProblemException(Problem.of(413, "notification-too-large", "Payload too large",
                    "Notifications are at most " + settings.maxBodyBytes() + " bytes"));
        }
        JsonNode root;
        SnsMessage sns = null;
        try {
            root = parser.read(body);
            if (NotificationParser.isSns(root)) {
                sns = SnsMessage.from(root);
            }
        } catch (MalformedNotificationException e) {
            throw malformed(e);
        }
        if (sns == null) {
            return accept(root, body);
        }
        SnsMessage message = sns;
        return gate.verify(message)
                .onFailure(ProblemException.class).invoke(() -> registry.counter("accessloop_ingest_rejected_total",
                        "reason", "sns-signature").increment())
                .chain(() -> switch (message.type()) {
                    case SnsMessage.SUBSCRIPTION_CONFIRMATION -> gate.confirm(message).map(status ->
                            Response.ok(new IngestAnswer(null, status, message.topicArn())).build());
                    case SnsMessage.UNSUBSCRIBE_CONFIRMATION -> Uni.createFrom().item(Response.ok(new IngestAnswer(
                            null, "ignored", "unsubscribe confirmation; the subscription is not renewed")).build());
                    default -> accept(root, message.message());
                });
    }

    private ProblemException malformed(MalformedNotificationException e) {
        registry.counter("accessloop_ingest_rejected_total", "reason", "malformed").increment();
        return ProblemException.badRequest("malformed-notification", e.getMessage());
    }

    /** UTF-8 needs at most three bytes per Java char, so most bodies are measured without encoding them. */
    private boolean tooLarge(String body) {
        if (body == null || (long) body.length() * 3 <= settings.maxBodyBytes()) {
            return false;
        }
        return body.getBytes(StandardCharsets.UTF_8).length > settings.maxBodyBytes();
    }

    /** Stores the notification; {@code message} is its text as pushed (the SNS Message when wrapped). */
    private Uni<Response> accept(JsonNode root, String message) {
        Notification notification;
        try {
            notification = parser.parse(root);
        } catch (MalformedNotificationException e) {
            throw malformed(e);
        }
        if (notification instanceof Notification.Ignored ignored) {
            registry.counter("accessloop_ingest_ignored_total").increment();
            return Uni.createFrom().item(Response.accepted(new IngestAnswer(null, "ignored", ignored.reason())).build());
        }
        return ingest.store(notification, message).map(accepted -> {
            accepted(notification.kind(), accepted.duplicate()).increment();
            return Response.accepted(new IngestAnswer(accepted.rawEventId(),
                    accepted.duplicate() ? "duplicate" : "accepted", null)).build();
        }).onFailure(CommitQueue.QueueFullException.class).recoverWithItem(this::busy);
    }

    /** Nothing was stored: EventBridge and SNS retry a 503 later. */
    private Response busy(Throwable full) {
        registry.counter("accessloop_ingest_rejected_total", "reason", "busy").increment();
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "1")
                .entity(Problem.of(503, "ingest-busy", "Too many notifications at once",
                        full.getMessage() + "; nothing was stored, retry shortly")).build();
    }

    /** The accepted-notifications counter of a kind, looked up once (this is the hot path). */
    private Counter accepted(String kind, boolean duplicate) {
        return acceptedCounters.computeIfAbsent(kind + (duplicate ? ":duplicate" : ":new"), key -> registry.counter(
                "accessloop_ingest_accepted_total", "kind", kind, "duplicate", String.valueOf(duplicate)));
    }

    /** The 202 body: the stored raw event id and whether it was new. */
    public record IngestAnswer(String rawEventId, String status, String reason) {
    }
}

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
 * Push ingestion: EventBridge API destinations and SNS HTTPS subscriptions POST here. The notification is checked
 * (credentials; for SNS also its signature), stored and queued before the answer (202); processing happens from
 * {@code accessloop.aws.changes}. SNS subscription confirmations are confirmed (200) and never stored. Amazon Data
 * Firehose HTTP endpoint deliveries (batches of EventBridge events) POST here too and are handled by
 * {@link FirehoseDeliveries}.
 */
@Path("/ingest/aws/events")
public class IngestResource {

    private final IngestService ingest;
    private final NotificationParser parser;
    private final IngestCredentials credentials;
    private final IngestSettings settings;
    private final IngestMetrics metrics;
    private final SnsGate gate;
    private final FirehoseDeliveries firehose;

    IngestResource(IngestService ingest, ObjectMapper mapper, IngestSettings settings, IngestMetrics metrics,
                   SnsGate gate, FirehoseDeliveries firehose) {
        this.ingest = ingest;
        this.gate = gate;
        this.firehose = firehose;
        this.parser = new NotificationParser(mapper);
        this.settings = settings;
        this.metrics = metrics;
        this.credentials = credentials(settings);
    }

    static IngestCredentials credentials(IngestSettings settings) {
        return new IngestCredentials(settings.apiKeys().orElse(List.of()), settings.basicUsername().orElse(null),
                settings.basicPasswords().orElse(List.of()));
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive AWS Config / CloudTrail change notifications (EventBridge, SNS or a Firehose batch)")
    public Uni<Response> receive(HttpHeaders headers, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                 byte[] content) {
        byte[] bytes = content == null ? new byte[0] : content;
        if (FirehoseDeliveries.isFirehose(headers)) {
            return firehose.receive(headers, bytes);
        }
        if (!credentials.accepts(headers.getHeaderString(settings.apiKeyHeader()), authorization)) {
            metrics.rejected("unauthenticated");
            throw new ProblemException(Problem.of(401, "ingest-unauthenticated", "Not authenticated",
                    "Send the configured API key header or basic-auth credentials"));
        }
        if (bytes.length > settings.maxBodyBytes()) {
            throw new ProblemException(Problem.of(413, "notification-too-large", "Payload too large",
                    "Notifications are at most " + settings.maxBodyBytes() + " bytes"));
        }
        String body = new String(bytes, StandardCharsets.UTF_8);
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
                .onFailure(ProblemException.class).invoke(() -> metrics.rejected("sns-signature"))
                .chain(() -> switch (message.type()) {
                    case SnsMessage.SUBSCRIPTION_CONFIRMATION -> gate.confirm(message).map(status ->
                            Response.ok(new IngestAnswer(null, status, message.topicArn())).build());
                    case SnsMessage.UNSUBSCRIBE_CONFIRMATION -> Uni.createFrom().item(Response.ok(new IngestAnswer(
                            null, "ignored", "unsubscribe confirmation; the subscription is not renewed")).build());
                    default -> accept(root, message.message());
                });
    }

    private ProblemException malformed(MalformedNotificationException e) {
        metrics.rejected("malformed");
        return ProblemException.badRequest("malformed-notification", e.getMessage());
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
            metrics.ignored(1);
            return Uni.createFrom().item(Response.accepted(new IngestAnswer(null, "ignored", ignored.reason())).build());
        }
        return ingest.store(notification, message).map(accepted -> {
            metrics.accepted(notification.kind(), accepted.duplicate());
            return Response.accepted(new IngestAnswer(accepted.rawEventId(),
                    accepted.duplicate() ? "duplicate" : "accepted", null)).build();
        }).onFailure(CommitQueue.QueueFullException.class).recoverWithItem(this::busy);
    }

    /** Nothing was stored: EventBridge and SNS retry a 503 later. */
    private Response busy(Throwable full) {
        metrics.rejected("busy");
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "1")
                .entity(Problem.of(503, "ingest-busy", "Too many notifications at once",
                        full.getMessage() + "; nothing was stored, retry shortly")).build();
    }

    /** The 202 body: the stored raw event id and whether it was new. */
    public record IngestAnswer(String rawEventId, String status, String reason) {
    }
}

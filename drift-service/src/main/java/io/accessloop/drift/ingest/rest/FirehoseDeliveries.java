package io.accessloop.drift.ingest.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.drift.ingest.config.IngestSettings;
import io.accessloop.drift.ingest.domain.DeliveryTooLargeException;
import io.accessloop.drift.ingest.domain.FirehoseDelivery;
import io.accessloop.drift.ingest.domain.FirehoseDeliveryParser;
import io.accessloop.drift.ingest.domain.Gzip;
import io.accessloop.drift.ingest.domain.IngestCredentials;
import io.accessloop.drift.ingest.domain.MalformedNotificationException;
import io.accessloop.drift.ingest.domain.Notification;
import io.accessloop.drift.ingest.domain.NotificationParser;
import io.accessloop.drift.ingest.service.CommitQueue;
import io.accessloop.drift.ingest.service.IngestService;
import io.accessloop.drift.ingest.service.IngestService.Accepted;
import io.accessloop.drift.ingest.service.IngestService.Pushed;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Amazon Data Firehose HTTP endpoint deliveries to {@code POST /ingest/aws/events}: a batch of EventBridge events,
 * authenticated by the stream's access key (one of the ingest API keys), optionally gzip-compressed. The delivery is
 * all or nothing: every record is checked before any is stored, and the stored ones share one transaction. Records
 * Firehose delivers again (it retries a whole delivery after a timeout) are stored once and still answered 200.
 * Every answer, success or not, is Firehose's JSON shape with the delivery's request id.
 */
@ApplicationScoped
public class FirehoseDeliveries {

    static final String REQUEST_ID = "X-Amz-Firehose-Request-Id";
    static final String PROTOCOL_VERSION = "X-Amz-Firehose-Protocol-Version";
    static final String ACCESS_KEY = "X-Amz-Firehose-Access-Key";

    private static final Logger LOG = Logger.getLogger(FirehoseDeliveries.class);

    private final IngestService ingest;
    private final IngestCredentials credentials;
    private final FirehoseDeliveryParser parser;
    private final IngestMetrics metrics;
    private final Vertx vertx;
    private final Clock clock;
    private final int maxBodyBytes;

    FirehoseDeliveries(IngestService ingest, ObjectMapper mapper, IngestSettings settings, IngestMetrics metrics,
                       Vertx vertx, Clock clock) {
        this.ingest = ingest;
        this.credentials = IngestResource.credentials(settings);
        this.parser = new FirehoseDeliveryParser(mapper.getFactory(), new NotificationParser(mapper),
                settings.firehose().maxRecords());
        this.metrics = metrics;
        this.vertx = vertx;
        this.clock = clock;
        this.maxBodyBytes = settings.firehose().maxBodyBytes();
    }

    /** Whether a push comes from Firehose (it always sends its protocol headers; EventBridge and SNS never do). */
    static boolean isFirehose(HttpHeaders headers) {
        return headers.getHeaderString(REQUEST_ID) != null || headers.getHeaderString(PROTOCOL_VERSION) != null
                || headers.getHeaderString(ACCESS_KEY) != null;
    }

    Uni<Response> receive(HttpHeaders headers, byte[] body) {
        String requestId = headers.getHeaderString(REQUEST_ID);
        if (!credentials.acceptsApiKey(headers.getHeaderString(ACCESS_KEY))) {
            metrics.rejected("unauthenticated");
            return Uni.createFrom().item(failure(401, requestId, "X-Amz-Firehose-Access-Key is missing or is not "
                    + "one of the configured ingest API keys"));
        }
        String version = headers.getHeaderString(PROTOCOL_VERSION);
        if (version != null && !"1.0".equals(version.trim())) {
            metrics.rejected("malformed");
            return Uni.createFrom().item(failure(400, requestId, "protocol version " + version
                    + " is not supported; only 1.0 is"));
        }
        String encoding = headers.getHeaderString(HttpHeaders.CONTENT_ENCODING);
        // checking records parses and maps every event: too long for the event loop with thousands of them
        return vertx.executeBlocking(Uni.createFrom().item(() -> parse(encoding, body)), false)
                .chain(this::store)
                .onFailure().recoverWithItem(failure -> answer(failure, requestId));
    }

    private FirehoseDelivery parse(String encoding, byte[] body) {
        if (body.length > maxBodyBytes) {
            throw new DeliveryTooLargeException("the body exceeds " + maxBodyBytes + " bytes");
        }
        String coding = encoding == null ? "identity" : encoding.trim().toLowerCase(Locale.ROOT);
        byte[] json = switch (coding) {
            case "identity", "" -> body;
            case "gzip" -> Gzip.inflate(body, maxBodyBytes);
            default -> throw new UnsupportedEncoding(encoding);
        };
        return parser.parse(json);
    }

    private Uni<Response> store(FirehoseDelivery delivery) {
        List<Pushed> stored = new ArrayList<>(delivery.records().size());
        int ignored = 0;
        for (FirehoseDelivery.Record record : delivery.records()) {
            if (record.notification() instanceof Notification.Ignored) {
                ignored++;
            } else {
                stored.add(new Pushed(record.notification(), record.text()));
            }
        }
        int ignoredRecords = ignored;
        return ingest.storeTogether(stored)
                .onFailure().transform(failure -> new StoreFailed(delivery.requestId(), failure))
                .map(answers -> {
                    int duplicates = 0;
                    for (int i = 0; i < answers.size(); i++) {
                        Accepted accepted = answers.get(i);
                        metrics.accepted(stored.get(i).notification().kind(), accepted.duplicate());
                        duplicates += accepted.duplicate() ? 1 : 0;
                    }
                    metrics.ignored(ignoredRecords);
                    LOG.debugf("Firehose request %s: %d records stored, %d already stored, %d ignored",
                            delivery.requestId(), answers.size() - duplicates, duplicates, ignoredRecords);
                    return Response.ok(new FirehoseAnswer(delivery.requestId(), clock.millis(), null))
                            .type(MediaType.APPLICATION_JSON_TYPE).build();
                });
    }

    private Response answer(Throwable failure, String headerRequestId) {
        String requestId = headerRequestId;
        Throwable cause = failure;
        if (failure instanceof StoreFailed stored) {
            requestId = stored.requestId;
            cause = stored.getCause();
        }
        if (cause instanceof MalformedNotificationException) {
            metrics.rejected("malformed");
            return failure(400, requestId, cause.getMessage() + "; nothing of this delivery was stored");
        }
        if (cause instanceof DeliveryTooLargeException) {
            metrics.rejected("too-large");
            return failure(413, requestId, cause.getMessage() + "; lower the stream's buffer size. Nothing of this "
                    + "delivery was stored");
        }
        if (cause instanceof UnsupportedEncoding) {
            metrics.rejected("malformed");
            return failure(415, requestId, cause.getMessage());
        }
        if (cause instanceof CommitQueue.QueueFullException) {
            metrics.rejected("busy");
            return failure(503, requestId, cause.getMessage() + "; nothing of this delivery was stored, retry later");
        }
        if (IngestService.rowLevel(cause)) {
            metrics.rejected("malformed");
            return failure(400, requestId, "the database refused a record of this delivery (" + cause.getMessage()
                    + "); nothing of it was stored");
        }
        LOG.errorf(cause, "Firehose request %s not stored", requestId);
        metrics.rejected("error");
        return failure(500, requestId, "the delivery could not be stored; nothing of it was stored, retry later");
    }

    private Response failure(int status, String requestId, String message) {
        if (status != 500) {
            LOG.infof("Firehose request %s answered %d: %s", requestId, status, message);
        }
        Response.ResponseBuilder answer = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new FirehoseAnswer(requestId, clock.millis(), message));
        return status == 503 ? answer.header("Retry-After", "1").build() : answer.build();
    }

    /** A failure of storing a parsed delivery: carries the request id read from its body. */
    private static final class StoreFailed extends RuntimeException {

        private final String requestId;

        StoreFailed(String requestId, Throwable cause) {
            super(cause.getMessage(), cause, false, false);
            this.requestId = requestId;
        }
    }

    private static final class UnsupportedEncoding extends RuntimeException {

        UnsupportedEncoding(String encoding) {
            super("Content-Encoding " + encoding + " is not supported; use gzip or none", null, false, false);
        }
    }
}

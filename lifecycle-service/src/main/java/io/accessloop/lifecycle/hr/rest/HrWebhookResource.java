package io.accessloop.lifecycle.hr.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.kit.problem.Problem;
import io.accessloop.kit.problem.ProblemException;
import io.accessloop.lifecycle.config.LifecycleSettings;
import io.accessloop.lifecycle.hr.domain.HrEvent;
import io.accessloop.lifecycle.hr.domain.HrEventParser;
import io.accessloop.lifecycle.hr.domain.WebhookSignature;
import io.accessloop.lifecycle.hr.service.HrIntake;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /hr/events} (DESIGN §5). Checks, in order: size (413), signature and freshness (401), body (400);
 * then acts once per event id and answers 202 with a status URL. Nothing is changed by a refused call.
 */
@Path("/hr/events")
public class HrWebhookResource {

    public static final String SIGNATURE_HEADER = "Accessloop-Signature";

    private final HrIntake intake;
    private final WebhookSignature signature;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final int maxBodyBytes;

    HrWebhookResource(HrIntake intake, LifecycleSettings settings, Clock clock, ObjectMapper mapper) {
        this.intake = intake;
        this.clock = clock;
        this.mapper = mapper;
        this.maxBodyBytes = settings.hr().maxBodyBytes();
        Map<String, List<String>> secrets = new LinkedHashMap<>();
        settings.hr().sources().forEach((name, source) -> {
            List<String> valid = new ArrayList<>();
            valid.add(source.secret());
            source.previousSecret().ifPresent(valid::add);
            secrets.put(name, valid);
        });
        this.signature = new WebhookSignature(secrets, settings.hr().tolerance());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a signed HR event (terminated, transferred, leave started/returned)")
    public Uni<Response> receive(@HeaderParam(SIGNATURE_HEADER) String header, byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (bytes.length > maxBodyBytes) {
            throw new ProblemException(Problem.of(413, "payload-too-large", "Payload too large",
                    "HR events are at most " + maxBodyBytes + " bytes"));
        }
        WebhookSignature.Verdict verdict = signature.verify(header, bytes, clock.instant());
        if (!verdict.valid()) {
            throw unauthorized(verdict.outcome());
        }
        HrEvent event;
        try {
            event = HrEventParser.parse(bytes);
        } catch (HrEventParser.InvalidHrEvent e) {
            throw e.errors().isEmpty()
                    ? ProblemException.badRequest("malformed-hr-event", e.getMessage())
                    : ProblemException.invalid(e.getMessage(), e.errors());
        }
        return intake.accept(verdict.source(), bytes, event).map(stored -> {
            Response.ResponseBuilder answer = Response.status(stored.status())
                    .type(MediaType.APPLICATION_JSON).entity(stored.response());
            String url = stored.statusUrl(mapper);
            return (url == null ? answer : answer.location(URI.create(url))).build();
        });
    }

    private static ProblemException unauthorized(WebhookSignature.Outcome outcome) {
        return switch (outcome) {
            case UNSIGNED -> new ProblemException(Problem.of(401, "signature-missing", "Not signed",
                    "Sign the call with header " + SIGNATURE_HEADER + ": t=<unix seconds>,v1=<hex HMAC-SHA256>"));
            case MALFORMED -> new ProblemException(Problem.of(401, "signature-malformed", "Unreadable signature",
                    SIGNATURE_HEADER + " must be t=<unix seconds>,v1=<64 hex digits>"));
            case STALE -> new ProblemException(Problem.of(401, "signature-stale", "Stale signature",
                    "The signature timestamp is too far from the current time"));
            default -> new ProblemException(Problem.of(401, "signature-invalid", "Invalid signature",
                    "The signature does not match the body with any secret of a configured HR source"));
        };
    }
}

package io.accessloop.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error a service returns is {@code application/problem+json} with a stable type. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return respond(Problem.of(400, "malformed-json", "Malformed JSON",
                "The body is not valid JSON for this endpoint: " + e.getOriginalMessage()));
    }

    /** Valid JSON of the wrong shape: an array for an object, an object for a number, a forbidden character… */
    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("body");
        return respond(Problem.of(400, "malformed-json", "Malformed JSON",
                "'" + field + "' must be " + ExpectedShape.describe(e.getTargetType()) + nulNote(e)));
    }

    /** Jackson's own message names Java types and echoes the value; the caller only needs to know what to send. */
    private static String nulNote(MismatchedInputException e) {
        return e instanceof InvalidFormatException invalid && invalid.getValue() instanceof String text
                && text.indexOf('\u0000') >= 0 ? "; the character U+0000 is not allowed" : "";
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e) {
        return respond(Problem.of(400, "invalid-request", "Invalid request", "Some fields are not valid")
                .withErrors(e.getConstraintViolations().stream()
                        .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().toList()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return respond(Problem.of(404, "not-found", "Not found", "No such resource"));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return respond(Problem.of(405, "method-not-allowed", "Method not allowed", "This resource does not support that method"));
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return respond(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                "Send application/json"));
    }

    @ServerExceptionMapper(priority = 5000)
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            // the JSON reader wraps syntax errors before our mapper for them can see them
            return malformedJson(json);
        }
        if (status >= 500) {
            LOG.error("request failed", e);
            return respond(Problem.of(status, "internal", "Internal error", "The request could not be completed"));
        }
        return respond(Problem.of(status, "http-" + status, e.getResponse().getStatusInfo().getReasonPhrase(),
                e.getMessage()));
    }

    /**
     * Anything no other mapper claims. A lost or refused database connection is a 503 the client may retry (nothing
     * was written: the transaction did not commit); the rest is a 500 problem without internals.
     */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (DatabaseUnavailable.causes(e)) {
            LOG.warnf("database unavailable: %s", e.getMessage());
            return Response.fromResponse(respond(Problem.of(503, "unavailable", "Service unavailable",
                    "The service cannot reach its database; nothing was changed. Try again shortly.")))
                    .header("Retry-After", "5").build();
        }
        LOG.error("request failed", e);
        return respond(Problem.of(500, "internal", "Internal error", "The request could not be completed"));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}

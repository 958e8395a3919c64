package io.accessloop.broker.request.rest;

import io.accessloop.broker.request.service.RequestService;
import io.accessloop.kit.idempotency.IdempotencyKeys;
import io.accessloop.kit.security.CurrentCaller;
import io.accessloop.kit.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Self-service emergency access: immediate, alerted to every approver, reviewed afterwards. */
@Path("/api/v1/break-glass")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BreakGlassResource {

    private final RequestService requests;
    private final IdempotencyKeys idempotency;
    private final CurrentCaller callers;

    BreakGlassResource(RequestService requests, IdempotencyKeys idempotency, CurrentCaller callers) {
        this.requests = requests;
        this.idempotency = idempotency;
        this.callers = callers;
    }

    @POST
    @Operation(summary = "Take emergency access to an entitlement that allows it (reason of at least 10 characters)")
    public Uni<Response> breakGlass(@HeaderParam(IdempotencyKeys.HEADER) String key, RequestBodies.Submit body) {
        Caller caller = callers.get();
        RequestService.checkShape(body);
        return idempotency.run("break-glass", caller.email(), key, body, 201,
                () -> requests.submit(caller, body, true));
    }
}

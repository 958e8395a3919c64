package io.accessloop.broker.request.rest;

import io.accessloop.broker.request.domain.AccessRequest;
import io.accessloop.broker.request.domain.RequestStatus;
import io.accessloop.broker.request.service.RequestService;
import io.accessloop.broker.support.Page;
import io.accessloop.kit.idempotency.IdempotencyKeys;
import io.accessloop.kit.problem.ProblemException;
import io.accessloop.kit.security.CurrentCaller;
import io.accessloop.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Locale;

/** Access requests: submit, list, decide, cancel, and ask the rules in advance. */
@Path("/api/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RequestResource {

    private final RequestService requests;
    private final IdempotencyKeys idempotency;
    private final CurrentCaller callers;

    RequestResource(RequestService requests, IdempotencyKeys idempotency, CurrentCaller callers) {
        this.requests = requests;
        this.idempotency = idempotency;
        this.callers = callers;
    }

    @POST
    @Operation(summary = "Ask for an entitlement (201; approved at once with a grantId when the rule is automatic)")
    public Uni<Response> submit(@HeaderParam(IdempotencyKeys.HEADER) String key, RequestBodies.Submit body) {
        Caller caller = callers.get();
        RequestService.checkShape(body);
        return idempotency.run("request", caller.email(), key, body, 201,
                () -> requests.submit(caller, body, false));
    }

    @GET
    @Operation(summary = "The caller's requests (mine=true, default) or those they may decide (mine=false)")
    public Uni<Page<RequestView>> list(@QueryParam("mine") @DefaultValue("true") boolean mine,
                                       @QueryParam("status") String status, @QueryParam("limit") Integer limit,
                                       @QueryParam("cursor") String cursor) {
        Caller caller = callers.get();
        int size = io.accessloop.broker.support.Page.limit(limit);
        RequestStatus wanted = status(status);
        // one SQL statement through the reactive pool: no Hibernate session to open
        return requests.list(caller, mine, wanted, cursor, size + 1).map(found -> page(found, size));
    }

    @GET
    @Path("/{id}")
    public Uni<RequestView> get(@PathParam("id") String id) {
        Caller caller = callers.get();
        return Panache.withSession(() -> requests.visible(caller, id, false)).map(RequestView::of);
    }

    @POST
    @Path("/{id}/approve")
    @Operation(summary = "Approve (eligible approvers only, never one's own request); the last needed approval creates the grant")
    public Uni<RequestView> approve(@PathParam("id") String id, RequestBodies.Decision body) {
        Caller caller = callers.get();
        String comment = body == null ? null : body.comment();
        return Panache.withTransaction(() -> requests.approve(caller, id, comment));
    }

    @POST
    @Path("/{id}/deny")
    @Operation(summary = "Deny with a comment (eligible approvers only)")
    public Uni<RequestView> deny(@PathParam("id") String id, RequestBodies.Decision body) {
        Caller caller = callers.get();
        String comment = body == null ? null : body.comment();
        return Panache.withTransaction(() -> requests.deny(caller, id, comment));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Withdraw a pending request (its requester, security, admins)")
    public Uni<RequestView> cancel(@PathParam("id") String id, RequestBodies.Cancel body) {
        Caller caller = callers.get();
        String reason = body == null ? null : body.reason();
        return Panache.withTransaction(() -> requests.cancel(caller, id, reason));
    }

    @POST
    @Path("/dry-run")
    @Operation(summary = "What the rules would decide if the caller (or, for security, someone else) asked now")
    public DryRunView dryRun(RequestBodies.DryRun body) {
        Caller caller = callers.get();
        return requests.dryRun(caller, body);
    }

    static RequestStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return RequestStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-status", "status must be one of "
                    + List.of(RequestStatus.values()));
        }
    }

    private static Page<RequestView> page(List<AccessRequest> found, int size) {
        List<RequestView> items = found.stream().limit(size).map(RequestView::of).toList();
        String next = found.size() > size ? items.get(items.size() - 1).id() : null;
        return new Page<>(items, next);
    }
}

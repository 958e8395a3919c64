package io.accessloop.broker.grant.rest;

import io.accessloop.broker.credentials.domain.TemporaryCredentials;
import io.accessloop.broker.credentials.service.CredentialService;
import io.accessloop.broker.grant.domain.Grant;
import io.accessloop.broker.grant.domain.GrantStatus;
import io.accessloop.broker.grant.repository.GrantRepository;
import io.accessloop.broker.grant.service.GrantService;
import io.accessloop.broker.catalog.service.CatalogStore;
import io.accessloop.broker.request.service.RequestService;
import io.accessloop.broker.support.Inputs;
import io.accessloop.broker.support.Page;
import io.accessloop.kit.problem.ProblemException;
import io.accessloop.kit.security.CurrentCaller;
import io.accessloop.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** Grants: list, credentials, console sign-in, release, extend, revoke, break-glass review. */
@Path("/api/v1/grants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GrantResource {

    private final GrantService grants;
    private final GrantRepository repository;
    private final CredentialService credentials;
    private final RequestService requests;
    private final CatalogStore catalog;
    private final CurrentCaller callers;
    private final Clock clock;

    GrantResource(GrantService grants, GrantRepository repository, CredentialService credentials,
                  RequestService requests, CatalogStore catalog, CurrentCaller callers, Clock clock) {
        this.catalog = catalog;
        this.grants = grants;
        this.repository = repository;
        this.credentials = credentials;
        this.requests = requests;
        this.callers = callers;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "The caller's grants (mine=true, default); mine=false lists those of the entitlements "
            + "the caller approves (everyone's for security, auditors, admins); reviewPending=true lists break-glass grants awaiting review")
    public Uni<Page<GrantView>> list(@QueryParam("mine") @DefaultValue("true") boolean mine,
                                     @QueryParam("status") String status,
                                     @QueryParam("reviewPending") Boolean reviewPending,
                                     @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Caller caller = callers.get();
        int size = Page.limit(limit);
        GrantStatus wanted = status(status);
        String identity = mine ? caller.email() : null;
        List<String> approved = mine || caller.seesEveryone() ? null : catalog.current().entitlements().stream()
                .filter(e -> e.approval().isApprover(caller.groups())).map(e -> e.name()).toList();
        // one SQL statement through the reactive pool: no Hibernate session to open
        return repository.list(identity, approved, wanted, reviewPending, cursor, size + 1)
                .map(found -> {
                    List<GrantView> items = found.stream().limit(size)
                            .map(g -> GrantView.of(g, clock.instant())).toList();
                    String next = found.size() > size ? items.get(items.size() - 1).id() : null;
                    return new Page<>(items, next);
                });
    }

    @GET
    @Path("/{id}")
    public Uni<GrantView> get(@PathParam("id") String id) {
        Caller caller = callers.get();
        return Panache.withSession(() -> grants.visible(caller, id, false)).map(g -> GrantView.of(g, clock.instant()));
    }

    @POST
    @Path("/{id}/credentials")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(summary = "Session credentials for the owner: credential_process JSON (default) or format=env "
            + "(shell exports). 422 when the grant has ended or has under 15 minutes left")
    public Uni<Response> credentials(@PathParam("id") String id,
                                     @QueryParam("format") @DefaultValue("credential_process") String format) {
        Caller caller = callers.get();
        String wanted = format.toLowerCase(Locale.ROOT);
        if (!wanted.equals("credential_process") && !wanted.equals("env")) {
            throw ProblemException.badRequest("invalid-format", "format must be credential_process or env");
        }
        return Panache.withTransaction(() -> credentials.issue(caller, id, wanted.equals("env") ? "env" : "cli"))
                .map(c -> wanted.equals("env")
                        ? Response.ok(exports(c), MediaType.TEXT_PLAIN).header("Cache-Control", "no-store").build()
                        : Response.ok(CredentialProcessJson.of(c), MediaType.APPLICATION_JSON)
                                .header("Cache-Control", "no-store").build());
    }

    @GET
    @Path("/{id}/console")
    @Operation(summary = "A console sign-in URL for the owner (AWS federation), opening at destination")
    public Uni<Response> console(@PathParam("id") String id, @QueryParam("destination") String destination) {
        Caller caller = callers.get();
        return Panache.withTransaction(() -> credentials.console(caller, id, destination))
                .map(link -> Response.ok(link).header("Cache-Control", "no-store").build());
    }

    @POST
    @Path("/{id}/release")
    @Operation(summary = "Hand the grant back early (owner); its sessions are denied at once")
    public Uni<GrantView> release(@PathParam("id") String id) {
        Caller caller = callers.get();
        return Panache.withTransaction(() -> grants.release(caller, id)).map(g -> GrantView.of(g, clock.instant()));
    }

    @POST
    @Path("/{id}/revoke")
    @Operation(summary = "End someone's grant now (entitlement approvers, security, admins)")
    public Uni<GrantView> revoke(@PathParam("id") String id, GrantBodies.Revoke body) {
        Caller caller = callers.get();
        String reason = body == null ? null : body.reason();
        new Inputs().maxLength("reason", reason, 1000).check();
        return Panache.withTransaction(() -> grants.revokeByPerson(caller, id, reason))
                .map(g -> GrantView.of(g, clock.instant()));
    }

    @POST
    @Path("/{id}/extend")
    @Operation(summary = "Ask for more time through the same rules (owner); answers the extension request (201)")
    public Uni<Response> extend(@PathParam("id") String id, GrantBodies.Extend body) {
        Caller caller = callers.get();
        if (body == null) {
            throw ProblemException.invalid("A JSON body is required", List.of("body: required"));
        }
        new Inputs().required("reason", body.reason()).maxLength("reason", body.reason(), 1000)
                .range("durationSeconds", body.durationSeconds(), 1, 43_200).check();
        return Panache.withTransaction(() -> grants.visible(caller, id, true)
                        .chain(grant -> requests.submitExtension(caller, grant, body.durationSeconds(), body.reason())))
                .map(view -> Response.status(201).entity(view).build());
    }

    @POST
    @Path("/{id}/review")
    @Operation(summary = "Close the after-the-fact review of a break-glass grant (not by its owner)")
    public Uni<GrantView> review(@PathParam("id") String id, GrantBodies.Review body) {
        Caller caller = callers.get();
        String comment = body == null ? null : body.comment();
        new Inputs().maxLength("comment", comment, 1000).check();
        return Panache.withTransaction(() -> grants.review(caller, id, comment))
                .map(g -> GrantView.of(g, clock.instant()));
    }

    private static String exports(TemporaryCredentials c) {
        return "export AWS_ACCESS_KEY_ID=" + c.accessKeyId() + "\n"
                + "export AWS_SECRET_ACCESS_KEY=" + c.secretAccessKey() + "\n"
                + "export AWS_SESSION_TOKEN=" + c.sessionToken() + "\n"
                + "export AWS_CREDENTIAL_EXPIRATION=" + c.expiration() + "\n";
    }

    private static GrantStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return GrantStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-status", "status must be one of " + List.of(GrantStatus.values()));
        }
    }
}

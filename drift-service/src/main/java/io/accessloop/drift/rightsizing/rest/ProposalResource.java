package io.accessloop.drift.rightsizing.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.drift.rightsizing.config.RightsizingSettings;
import io.accessloop.drift.rightsizing.domain.ProposalIds;
import io.accessloop.drift.rightsizing.domain.ProposalStatus;
import io.accessloop.drift.rightsizing.repository.ProposalRepository;
import io.accessloop.drift.rightsizing.service.ProposalService;
import io.accessloop.kit.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Right-sizing proposals: list, detail (diff, evidence, proof), compute, approve, reject, apply, roll back. */
@Path("/api/v1/proposals")
@Produces(MediaType.APPLICATION_JSON)
public class ProposalResource {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;
    private static final int MAX_WINDOW_DAYS = 400;

    private final ProposalService service;
    private final ProposalRepository repository;
    private final ProposalCaller callers;
    private final RightsizingSettings settings;
    private final ObjectMapper json;

    ProposalResource(ProposalService service, ProposalRepository repository, ProposalCaller callers,
                     RightsizingSettings settings, ObjectMapper json) {
        this.json = json;
        this.service = service;
        this.repository = repository;
        this.callers = callers;
        this.settings = settings;
    }

    @GET
    @Operation(summary = "Proposals, newest first; filter by status and principal (security, auditor, admin)")
    public Uni<ProposalViews.Page<ProposalViews.Summary>> list(@QueryParam("status") String status,
                                                               @QueryParam("principal") String principal,
                                                               @QueryParam("limit") Integer limit,
                                                               @QueryParam("cursor") String cursor) {
        callers.reader();
        int size = limit(limit);
        ProposalStatus wanted = status(status);
        String after = cursor(cursor);
        return Panache.withSession(() -> repository.list(wanted, principal, after, size + 1)).map(found -> {
            List<ProposalViews.Summary> items = found.stream().limit(size).map(ProposalViews.Summary::of).toList();
            return new ProposalViews.Page<>(items, found.size() > size ? items.get(items.size() - 1).id() : null);
        });
    }

    /** The id of the last proposal of the previous page; anything else is refused like the other lists refuse it. */
    private static String cursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        if (!ProposalIds.isWellFormed(cursor)) {
            throw ProblemException.badRequest("invalid-cursor", "cursor is not one this list returned");
        }
        return cursor;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A proposal with its diff (before/after per policy), evidence and proof")
    public Uni<ProposalViews.Detail> get(@PathParam("id") String id) {
        callers.reader();
        return service.get(id).map(ProposalViews.Detail::of);
    }

    @POST
    @Operation(summary = "Compute a proposal for a role or user now (201 with the proposal; 200 with the reason when "
            + "there is nothing to propose); open proposals of the principal are superseded")
    public Uni<Response> compute(ProposalViews.ComputeRequest body) {
        callers.operator();
        if (body == null || body.principalArn() == null || !body.principalArn().startsWith("arn:")
                || !body.principalArn().contains(":iam::")
                || !(body.principalArn().contains(":role/") || body.principalArn().contains(":user/"))) {
            throw ProblemException.invalid("principalArn must be an IAM role or user ARN",
                    List.of("principalArn: an arn:aws:iam::<account>:role/… or :user/… ARN is required"));
        }
        Integer days = body.windowDays();
        if (days != null && (days < 1 || days > MAX_WINDOW_DAYS)) {
            throw ProblemException.invalid("windowDays must be between 1 and " + MAX_WINDOW_DAYS,
                    List.of("windowDays: between 1 and " + MAX_WINDOW_DAYS));
        }
        Duration window = days == null ? settings.window() : Duration.ofDays(days);
        return service.generate(body.principalArn(), window).map(g -> Response
                .status(g.proposal() == null ? 200 : 201)
                .entity(ProposalViews.Computed.of(g.plan(), g.proposal())).build());
    }

    @POST
    @Path("/{id}/approve")
    @Operation(summary = "Approve a proposed change (security, admin); optional body {\"comment\": …}; 422 in "
            + "recommend mode; publishes rightsizing.approved")
    public Uni<ProposalViews.Detail> approve(@PathParam("id") String id, String body) {
        String by = callers.operator().email();
        String comment = text(body, "comment");
        return service.approve(id, by, comment == null ? "" : comment).map(ProposalViews.Detail::of);
    }

    @POST
    @Path("/{id}/reject")
    @Operation(summary = "Reject a proposed or approved change (security, admin); body {\"reason\": …} required; "
            + "publishes rightsizing.rejected")
    public Uni<ProposalViews.Detail> reject(@PathParam("id") String id, String body) {
        String by = callers.operator().email();
        return service.reject(id, by, reason(body)).map(ProposalViews.Detail::of);
    }

    @POST
    @Path("/{id}/apply")
    @Operation(summary = "Apply an approved proposal to IAM (security, admin); 422 when its proof fails, 409 when "
            + "the principal changed since it was computed; the previous version is kept for rollback")
    public Uni<ProposalViews.Detail> apply(@PathParam("id") String id) {
        String by = callers.operator().email();
        return service.apply(id, by).map(ProposalViews.Detail::of);
    }

    @POST
    @Path("/{id}/rollback")
    @Operation(summary = "Restore the permissions an applied proposal replaced (security, admin)")
    public Uni<ProposalViews.Detail> rollback(@PathParam("id") String id, String body) {
        String by = callers.operator().email();
        String reason = reason(body);
        return service.rollBack(id, by, reason == null ? "manual rollback by " + by : reason)
                .map(ProposalViews.Detail::of);
    }

    /** The {@code {"reason": …}} body of reject and rollback (any or no content type). */
    private String reason(String body) {
        return text(body, "reason");
    }

    /** One optional text field of a small JSON body (any or no content type); null when absent. */
    private String text(String body, String field) {
        if (body == null || body.isBlank()) {
            return null;
        }
        com.fasterxml.jackson.databind.JsonNode parsed;
        try {
            parsed = json.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ProblemException.invalid("The body must be a JSON object such as {\"" + field + "\": \"…\"}",
                    List.of("body: not JSON"));
        }
        if (parsed == null || !parsed.isObject()) {
            throw ProblemException.invalid("The body must be a JSON object such as {\"" + field + "\": \"…\"}",
                    List.of("body: not a JSON object"));
        }
        com.fasterxml.jackson.databind.JsonNode value = parsed.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ProblemException.invalid(field + " must be a string", List.of(field + ": not a string"));
        }
        String text = value.asText();
        if (text.length() > 1000) {
            throw ProblemException.invalid(field + " is too long", List.of(field + ": at most 1000 characters"));
        }
        return text;
    }

    private static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ProblemException.badRequest("invalid-limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    private static ProposalStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ProposalStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-status", "status must be one of "
                    + List.of(ProposalStatus.values()));
        }
    }

}

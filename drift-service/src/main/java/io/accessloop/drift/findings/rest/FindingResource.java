package io.accessloop.drift.findings.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.drift.findings.repository.Finding;
import io.accessloop.drift.findings.service.FindingQuery;
import io.accessloop.drift.findings.service.SuppressionService;
import io.accessloop.drift.web.Page;
import io.accessloop.kit.security.CurrentCaller;
import io.accessloop.drift.web.Roles;
import io.accessloop.kit.idempotency.IdempotencyKeys;
import io.accessloop.kit.problem.ProblemException;
import io.accessloop.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
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

/** Drift findings: list with filters, sorting and paging; read one; suppress one. */
@Path("/api/v1/findings")
@Produces(MediaType.APPLICATION_JSON)
public class FindingResource {

    private final CurrentCaller callers;
    private final SuppressionService suppressions;
    private final IdempotencyKeys idempotency;
    private final ObjectMapper mapper;
    private final FindingListing listing;

    FindingResource(CurrentCaller callers, SuppressionService suppressions, IdempotencyKeys idempotency, ObjectMapper mapper,
                    FindingListing listing) {
        this.listing = listing;
        this.callers = callers;
        this.suppressions = suppressions;
        this.idempotency = idempotency;
        this.mapper = mapper;
    }

    @GET
    @Operation(summary = "List findings (status may repeat or be comma-separated; sort: openedAt|lastSeenAt|severity, '-' for descending)")
    public Uni<Page<FindingView>> list(@QueryParam("status") List<String> status, @QueryParam("rule") String rule,
                                       @QueryParam("severity") String severity,
                                       @QueryParam("accountId") String accountId,
                                       @QueryParam("principalArn") String principalArn,
                                       @QueryParam("resourceType") String resourceType,
                                       @QueryParam("sort") String sort, @QueryParam("limit") Integer limit,
                                       @QueryParam("cursor") String cursor) {
        Roles.requireViewer(callers.get());
        FindingQuery query = new FindingQuery(status, rule, severity, accountId, principalArn, resourceType, sort);
        Page.Request paging = Page.Request.of(limit, cursor, query.listing());
        String field = query.sortName();
        return listing.rows(query, paging)
                .map(rows -> paging.page(rows, f -> List.of(sortKey(f, field), f.id), f -> FindingView.of(f, mapper)));
    }

    private static String sortKey(Finding f, String field) {
        return switch (field) {
            case "severity" -> String.valueOf(f.severityRank);
            case "lastSeenAt" -> f.lastSeenAt.toString();
            default -> f.openedAt.toString();
        };
    }

    @GET
    @Path("/{id}")
    public Uni<FindingView> get(@PathParam("id") String id) {
        Roles.requireViewer(callers.get());
        return Panache.withSession(() -> Finding.<Finding>findById(id)).map(f -> {
            if (f == null) {
                throw ProblemException.notFound("Finding " + id);
            }
            return FindingView.of(f, mapper);
        });
    }

    @POST
    @Path("/{id}/suppress")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Suppress a finding until a time, with a reason (security engineers and admins)")
    public Uni<Response> suppress(@PathParam("id") String id, SuppressRequest request,
                                  @HeaderParam(IdempotencyKeys.HEADER) String key) {
        Caller caller = callers.get();
        Roles.requireSecurity(caller);
        if (request == null) {
            throw ProblemException.badRequest("invalid-suppression", "a body with reason and until is required");
        }
        return idempotency.run("finding-suppress:" + id, caller.email(), key, request, 200,
                () -> suppressions.suppress(id, request.reason(), request.until(), caller.email())
                        .map(f -> FindingView.of(f, mapper)));
    }
}

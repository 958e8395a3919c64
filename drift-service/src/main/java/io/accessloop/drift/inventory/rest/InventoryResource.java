package io.accessloop.drift.inventory.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.drift.inventory.domain.ResourceType;
import io.accessloop.drift.inventory.repository.IamChange;
import io.accessloop.drift.inventory.repository.IamResource;
import io.accessloop.drift.inventory.repository.IamResourceVersion;
import io.accessloop.drift.inventory.service.SnapshotJson;
import io.accessloop.drift.web.Page;
import io.accessloop.kit.security.CurrentCaller;
import io.accessloop.drift.web.Roles;
import io.accessloop.kit.problem.ProblemException;
import io.accessloop.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The IAM inventory: current state, history and CloudTrail changes of users, groups, roles and policies. */
@Path("/api/v1/inventory/principals")
@Produces(MediaType.APPLICATION_JSON)
public class InventoryResource {

    private final CurrentCaller callers;
    private final SnapshotJson json;
    private final ObjectMapper mapper;

    InventoryResource(CurrentCaller callers, SnapshotJson json, ObjectMapper mapper) {
        this.callers = callers;
        this.json = json;
        this.mapper = mapper;
    }

    @GET
    @Operation(summary = "List IAM users, groups, roles and customer-managed policies (sorted by type, name)")
    public Uni<Page<PrincipalView>> list(@QueryParam("accountId") String accountId, @QueryParam("type") String type,
                                         @QueryParam("name") String namePrefix, @QueryParam("managed") Boolean managed,
                                         @QueryParam("includeDeleted") boolean includeDeleted,
                                         @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Roles.requireViewer(callers.get());
        Page.Request paging = Page.Request.of(limit, cursor, "principals");
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (accountId != null && !accountId.isBlank()) {
            if (!accountId.matches("\\d{12}")) {
                throw ProblemException.badRequest("invalid-filter", "accountId must be 12 digits");
            }
            clauses.add("accountId = :accountId");
            params.put("accountId", accountId);
        }
        if (type != null && !type.isBlank()) {
            clauses.add("resourceType = :type");
            params.put("type", type(type).name());
        }
        if (namePrefix != null && !namePrefix.isBlank()) {
            clauses.add("name like :name escape '\\'");
            params.put("name", namePrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (managed != null) {
            clauses.add("managed = :managed");
            params.put("managed", managed);
        }
        if (!includeDeleted) {
            clauses.add("deleted = false");
        }
        clauses.add(paging.where(List.of("resourceType", "name", "id"), false, List.of(t -> t, n -> n, i -> i), params));
        String hql = String.join(" and ", clauses) + " order by resourceType, name, id";
        return Panache.withSession(() -> IamResource.<IamResource>find(hql, params).range(0, paging.limit()).list())
                .map(rows -> paging.page(rows, r -> List.of(r.resourceType, r.name, r.id),
                        r -> PrincipalView.of(r, json.read(r.state), mapper)));
    }

    @GET
    @Path("/{id}")
    public Uni<PrincipalView> get(@PathParam("id") String id) {
        Roles.requireViewer(callers.get());
        return Panache.withSession(() -> find(id)).map(r -> PrincipalView.of(r, json.read(r.state), mapper));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every accepted state of a resource, newest first")
    public Uni<Page<VersionView>> history(@PathParam("id") String id, @QueryParam("limit") Integer limit,
                                          @QueryParam("cursor") String cursor) {
        Roles.requireViewer(callers.get());
        Page.Request paging = Page.Request.of(limit, cursor, "history:" + id);
        return Panache.withSession(() -> find(id).chain(row -> {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("ref", row.id);
            String after = paging.where(List.of("version"), true, List.of(Integer::valueOf), params);
            return IamResourceVersion.<IamResourceVersion>find("resourceRef = :ref and " + after
                            + " order by version desc", params)
                    .range(0, paging.limit()).list()
                    .map(versions -> paging.page(versions, v -> List.of(String.valueOf(v.version)),
                            v -> new VersionView(v.version, v.changeType, v.source, v.capturedAt, v.changedBy,
                                    v.sourceIdentity, v.recordedAt, PrincipalView.of(row, json.read(v.state), mapper))));
        }));
    }

    @GET
    @Path("/{id}/changes")
    @Operation(summary = "IAM write calls CloudTrail recorded on this resource (who changed what), newest first")
    public Uni<Page<ChangeView>> changes(@PathParam("id") String id, @QueryParam("limit") Integer limit,
                                         @QueryParam("cursor") String cursor) {
        Roles.requireViewer(callers.get());
        Page.Request paging = Page.Request.of(limit, cursor, "changes:" + id);
        return Panache.withSession(() -> find(id).chain(row -> {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("account", row.accountId);
            params.put("key", row.resourceType + ":" + row.name);
            String after = paging.where(List.of("occurredAt", "id"), true, List.of(Instant::parse, i -> i), params);
            return IamChange.<IamChange>find("accountId = :account and resourceKey = :key and " + after
                            + " order by occurredAt desc, id desc", params)
                    .range(0, paging.limit()).list()
                    .map(calls -> paging.page(calls, c -> List.of(c.occurredAt.toString(), c.id),
                            c -> new ChangeView(c.eventId, c.eventName, c.actorArn, c.sourceIdentity, c.byAccessloop,
                                    c.occurredAt, PrincipalView.tree(c.parameters, mapper))));
        }));
    }

    private static Uni<IamResource> find(String id) {
        return IamResource.<IamResource>findById(id).map(r -> {
            if (r == null) {
                throw ProblemException.notFound("Principal " + id);
            }
            return r;
        });
    }

    private static ResourceType type(String value) {
        try {
            return ResourceType.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-filter", "type must be USER, GROUP, ROLE or POLICY");
        }
    }
}

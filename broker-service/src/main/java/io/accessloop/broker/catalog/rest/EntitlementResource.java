package io.accessloop.broker.catalog.rest;

import io.accessloop.broker.catalog.domain.Entitlement;
import io.accessloop.broker.catalog.service.CatalogStore;
import io.accessloop.broker.support.Page;
import io.accessloop.kit.security.CurrentCaller;
import io.accessloop.kit.security.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The catalog as each caller may see it. */
@Path("/api/v1/entitlements")
@Produces(MediaType.APPLICATION_JSON)
public class EntitlementResource {

    private final CatalogStore catalog;
    private final CurrentCaller callers;

    EntitlementResource(CatalogStore catalog, CurrentCaller callers) {
        this.catalog = catalog;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "Entitlements the caller may request or approve (security, auditors and admins see all)")
    public Page<EntitlementView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Caller caller = callers.get();
        int size = Page.limit(limit);
        List<Entitlement> visible = catalog.current().entitlements().stream()
                .filter(e -> caller.seesEveryone() || e.isEligible(caller.groups())
                        || e.approval().isApprover(caller.groups()))
                .filter(e -> cursor == null || e.name().compareTo(cursor) > 0)
                .toList();
        List<EntitlementView> items = visible.stream().limit(size)
                .map(e -> EntitlementView.of(e, caller.groups())).toList();
        String next = visible.size() > size ? items.get(items.size() - 1).name() : null;
        return new Page<>(items, next);
    }
}

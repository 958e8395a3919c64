package io.accessloop.lifecycle.orphan.rest;

import io.accessloop.kit.problem.ProblemException;
import io.accessloop.lifecycle.security.CurrentCaller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Roles nobody answers for (security engineers, auditors, admins). */
@Path("/api/v1/orphans")
@Produces(MediaType.APPLICATION_JSON)
public class OrphanResource {

    private final Pool pool;
    private final CurrentCaller caller;

    OrphanResource(Pool pool, CurrentCaller caller) {
        this.pool = pool;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Orphan findings, newest first; status OPEN (default), RESOLVED or ALL")
    public Uni<Map<String, Object>> list(@QueryParam("status") String status) {
        if (!caller.get().seesEveryone()) {
            throw ProblemException.forbidden("Orphan findings are open to security engineers, auditors and admins");
        }
        String wanted = status == null || status.isBlank() ? "OPEN" : status.trim().toUpperCase(Locale.ROOT);
        if (!List.of("OPEN", "RESOLVED", "ALL").contains(wanted)) {
            throw ProblemException.invalid("status must be OPEN, RESOLVED or ALL", List.of("status: OPEN|RESOLVED|ALL"));
        }
        return pool.preparedQuery("select * from orphan_finding where $1 = 'ALL' or status = $1 "
                        + "order by detected_at desc limit 1000")
                .execute(Tuple.of(wanted))
                .map(rows -> {
                    List<OrphanView> items = new ArrayList<>();
                    for (Row r : rows) {
                        OffsetDateTime resolved = r.getOffsetDateTime("resolved_at");
                        items.add(new OrphanView(r.getString("finding_id"), r.getString("principal_arn"),
                                r.getString("owner"), r.getString("workload"), r.getString("reason"),
                                r.getString("proposed_action"), r.getString("status"),
                                r.getOffsetDateTime("detected_at").toInstant(),
                                resolved == null ? null : resolved.toInstant()));
                    }
                    java.util.HashMap<String, Object> page = new java.util.HashMap<>();
                    page.put("items", items);
                    page.put("nextCursor", null);
                    return page;
                });
    }
}

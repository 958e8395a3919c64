package io.accessloop.drift.remediation.rest;

import io.accessloop.drift.findings.repository.Finding;
import io.accessloop.drift.remediation.repository.Remediation;
import io.accessloop.drift.web.Roles;
import io.accessloop.kit.problem.ProblemException;
import io.accessloop.kit.security.CurrentCaller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Map;

/** The remediations recorded for a finding. */
@Path("/api/v1/findings/{id}/remediations")
@Produces(MediaType.APPLICATION_JSON)
public class RemediationResource {

    private final CurrentCaller callers;

    RemediationResource(CurrentCaller callers) {
        this.callers = callers;
    }

    @GET
    @Operation(summary = "Automatic remediations of a finding, oldest first")
    public Uni<Map<String, List<RemediationView>>> list(@PathParam("id") String id) {
        Roles.requireViewer(callers.get());
        return Panache.withSession(() -> Finding.<Finding>findById(id).chain(f -> {
            if (f == null) {
                throw ProblemException.notFound("Finding " + id);
            }
            return Remediation.<Remediation>list("findingId = ?1 order by createdAt, id", id);
        })).map(rows -> Map.of("items", rows.stream().map(RemediationView::of).toList()));
    }
}

package io.accessloop.broker.catalog.rest;

import io.accessloop.broker.catalog.domain.CatalogProblem;
import io.accessloop.broker.catalog.service.CatalogStore;
import io.accessloop.kit.problem.Problem;
import io.accessloop.kit.problem.ProblemException;
import io.accessloop.kit.security.CurrentCaller;
import io.accessloop.kit.security.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The state of the catalog for operators: what is in force and why the latest files were refused. */
@Path("/api/v1/catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private final CatalogStore catalog;
    private final CurrentCaller callers;

    CatalogResource(CatalogStore catalog, CurrentCaller callers) {
        this.catalog = catalog;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "Catalog in force and problems of a refused version (security, auditors, admins)")
    public CatalogStore.CatalogStatus status() {
        Caller caller = callers.get();
        if (!caller.seesEveryone()) {
            throw ProblemException.forbidden("Only security engineers, auditors and admins see the catalog status");
        }
        return catalog.status();
    }

    @POST
    @Path("/reload")
    @Operation(summary = "Reads the catalog folder now; 422 with every problem (file:line) when it is refused")
    public CatalogStore.CatalogStatus reload() {
        Caller caller = callers.get();
        if (!caller.inGroup(Caller.ADMIN)) {
            throw ProblemException.forbidden("Only admins reload the catalog");
        }
        List<CatalogProblem> problems = catalog.reload();
        if (!problems.isEmpty()) {
            throw new ProblemException(Problem.of(422, "catalog-invalid", "Catalog refused",
                    problems.size() + " problem(s); the previous catalog stays in force")
                    .withErrors(problems.stream().map(CatalogProblem::toString).toList()));
        }
        return catalog.status();
    }
}

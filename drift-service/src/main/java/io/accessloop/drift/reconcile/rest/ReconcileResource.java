package io.accessloop.drift.reconcile.rest;

import io.accessloop.drift.reconcile.repository.ReconcileRun;
import io.accessloop.drift.reconcile.service.ReconcileService;
import io.accessloop.drift.web.CurrentCaller;
import io.accessloop.drift.web.Roles;
import io.accessloop.kit.problem.ProblemException;
import io.accessloop.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;

/** On-demand reconciliation against AWS Config (or IAM), and its result. */
@Path("/api/v1/reconcile")
@Produces(MediaType.APPLICATION_JSON)
public class ReconcileResource {

    private final CurrentCaller callers;
    private final ReconcileService reconcile;

    ReconcileResource(CurrentCaller callers, ReconcileService reconcile) {
        this.callers = callers;
        this.reconcile = reconcile;
    }

    @POST
    @Operation(summary = "Reconcile the inventory with AWS now (security engineers and admins); answers when done")
    public Uni<RunView> run() {
        Caller caller = callers.get();
        Roles.requireSecurity(caller);
        return reconcile.run("api", caller.email()).map(run -> {
            if (run == null) {
                throw ProblemException.conflict("reconcile-running", "A reconciliation is already running; retry later");
            }
            return RunView.of(run);
        });
    }

    @GET
    @Path("/{id}")
    public Uni<RunView> get(@PathParam("id") String id) {
        Roles.requireViewer(callers.get());
        return Panache.withSession(() -> ReconcileRun.<ReconcileRun>findById(id)).map(run -> {
            if (run == null) {
                throw ProblemException.notFound("Reconciliation " + id);
            }
            return RunView.of(run);
        });
    }

    /** A reconciliation run: source {@code reconcile-config} or {@code reconcile-iam}; status RUNNING, SUCCEEDED or FAILED. */
    public record RunView(String id, String trigger, String requestedBy, String source, String status,
                          Instant startedAt, Instant finishedAt, int scanned, int changed, String detail) {
        static RunView of(ReconcileRun r) {
            return new RunView(r.id, r.trigger, r.requestedBy, r.source, r.status, r.startedAt, r.finishedAt,
                    r.scanned, r.changed, r.detail);
        }
    }
}

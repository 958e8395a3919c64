package io.accessloop.drift.reconcile.rest;

import io.accessloop.drift.accounts.domain.Account;
import io.accessloop.drift.accounts.domain.Accounts;
import io.accessloop.drift.reconcile.repository.ReconcileRun;
import io.accessloop.drift.reconcile.service.ReconcileQueue;
import io.accessloop.drift.reconcile.service.ReconcileWorker;
import io.accessloop.drift.web.Roles;
import io.accessloop.kit.problem.ProblemException;
import io.accessloop.kit.security.Caller;
import io.accessloop.kit.security.CurrentCaller;
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

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** On-demand reconciliation of one account against AWS Config (or IAM), run in the background, and its status. */
@Path("/api/v1/reconcile")
@Produces(MediaType.APPLICATION_JSON)
public class ReconcileResource {

    static final String PATH = "/api/v1/reconcile/";

    private final CurrentCaller callers;
    private final Accounts accounts;
    private final ReconcileQueue queue;
    private final ReconcileWorker worker;

    ReconcileResource(CurrentCaller callers, Accounts accounts, ReconcileQueue queue, ReconcileWorker worker) {
        this.callers = callers;
        this.accounts = accounts;
        this.queue = queue;
        this.worker = worker;
    }

    @POST
    @Operation(summary = "Start reconciling an account with AWS (security engineers and admins); answers 202 with "
            + "the run and its status URL. accountId may be left out when drift watches one account. 409 while a run "
            + "of the account is queued or running.")
    public Uni<Response> start(@QueryParam("accountId") String accountId) {
        Caller caller = callers.get();
        Roles.requireSecurity(caller);
        Account account = accounts.choose(accountId).orElseThrow(() -> ProblemException.badRequest("invalid-account",
                accountId == null || accountId.isBlank()
                        ? "accountId is required: drift watches " + accounts.all().size() + " accounts"
                        : "account " + accountId + " is not watched"));
        return queue.request(account.id(), "api", caller.email()).map(requested -> {
            if (!requested.queued()) {
                throw ProblemException.conflict("reconcile-running", "Reconciliation " + requested.run().id
                        + " of account " + account.id() + " is already " + requested.run().status.toLowerCase()
                        + "; follow " + PATH + requested.run().id);
            }
            worker.kick();
            return Response.accepted(RunView.of(requested.run())).location(URI.create(PATH + requested.run().id))
                    .build();
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Status of a reconciliation run: QUEUED, RUNNING, SUCCEEDED or FAILED, with counts and errors")
    public Uni<RunView> get(@PathParam("id") String id) {
        Roles.requireViewer(callers.get());
        return Panache.withSession(() -> ReconcileRun.<ReconcileRun>findById(id)).map(run -> {
            if (run == null) {
                throw ProblemException.notFound("Reconciliation " + id);
            }
            return RunView.of(run);
        });
    }

    /**
     * A reconciliation run: source {@code reconcile-config} or {@code reconcile-iam} once known; {@code errors}
     * counts resources that could not be recorded (and a missing credential report), {@code errorMessages} the first.
     */
    public record RunView(String id, String accountId, String trigger, String requestedBy, String source,
                          String status, Instant requestedAt, Instant startedAt, Instant finishedAt, int scanned,
                          int changed, int errors, List<String> errorMessages, String detail, String statusUrl) {
        static RunView of(ReconcileRun r) {
            return new RunView(r.id, r.accountId, r.trigger, r.requestedBy, r.source, r.status, r.requestedAt,
                    r.startedAt, r.finishedAt, r.scanned, r.changed, r.errors,
                    r.errorMessages == null ? List.of() : Arrays.asList(r.errorMessages.split("\n")), r.detail,
                    PATH + r.id);
        }
    }
}

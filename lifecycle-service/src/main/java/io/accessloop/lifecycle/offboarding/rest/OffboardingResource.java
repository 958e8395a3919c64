package io.accessloop.lifecycle.offboarding.rest;

import io.accessloop.kit.idempotency.IdempotencyKeys;
import io.accessloop.kit.problem.ProblemException;
import io.accessloop.kit.security.Caller;
import io.accessloop.lifecycle.identity.domain.EmailAddress;
import io.accessloop.lifecycle.offboarding.service.OffboardingCases;
import io.accessloop.lifecycle.offboarding.service.OffboardingWorker;
import io.accessloop.kit.security.CurrentCaller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** Offboarding cases: follow one up (security, auditors, admins), open one by hand (security, admins). */
@Path("/api/v1/offboarding")
@Produces(MediaType.APPLICATION_JSON)
public class OffboardingResource {

    private final OffboardingCases cases;
    private final OffboardingWorker worker;
    private final CurrentCaller caller;
    private final IdempotencyKeys idempotency;

    OffboardingResource(OffboardingCases cases, OffboardingWorker worker, CurrentCaller caller,
                        IdempotencyKeys idempotency) {
        this.cases = cases;
        this.worker = worker;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An offboarding case with its steps and closure report")
    public Uni<CaseView> get(@PathParam("id") String id) {
        if (!caller.get().seesEveryone()) {
            throw ProblemException.notFound("Offboarding case " + id);
        }
        return Panache.withSession(() -> cases.find(id)).map(c -> {
            if (c == null) {
                throw ProblemException.notFound("Offboarding case " + id);
            }
            return CaseView.of(c);
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Offboard a person by hand; runs the same saga as an HR termination")
    public Uni<Response> open(@HeaderParam(IdempotencyKeys.HEADER) String key,
                              @Valid @NotNull ManualOffboarding request) {
        Caller me = caller.get();
        if (!me.inGroup(Caller.SECURITY) && !me.inGroup(Caller.ADMIN)) {
            throw ProblemException.forbidden("Only security engineers and admins open offboarding cases");
        }
        String email = EmailAddress.normalize(request.email()).orElseThrow(() -> ProblemException.invalid(
                "The e-mail address is not accepted", List.of("email: must be " + EmailAddress.RULE)));
        return idempotency.run("offboarding", me.email(), key, request, 201,
                () -> cases.openManual(email, request.employeeId(), request.effectiveAt(), request.reason(),
                        me.email()).map(CaseView::of))
                .invoke(response -> {
                    if (response.getStatus() == 201) {
                        // committed: start its saga now rather than at the worker's next tick
                        worker.nudge();
                    }
                });
    }
}

package io.accessloop.lifecycle.workload.rest;

import io.accessloop.kit.problem.ProblemException;
import io.accessloop.kit.security.Caller;
import io.accessloop.lifecycle.security.CurrentCaller;
import io.accessloop.lifecycle.workload.domain.WorkloadIam;
import io.accessloop.lifecycle.workload.service.WorkloadRetirement;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** Retiring a workload removes its roles after saving their full definitions (security engineers and admins). */
@Path("/api/v1/workloads/{id}/retire")
public class WorkloadResource {

    private final WorkloadRetirement retirement;
    private final CurrentCaller caller;

    WorkloadResource(WorkloadRetirement retirement, CurrentCaller caller) {
        this.retirement = retirement;
        this.caller = caller;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Remove the roles tagged accessloop:workload=<id>, keeping their definitions")
    public WorkloadRetirement.Retirement retire(@PathParam("id") String id, @Valid @NotNull RetireRequest request) {
        Caller me = caller.get();
        if (!me.inGroup(Caller.SECURITY) && !me.inGroup(Caller.ADMIN)) {
            throw ProblemException.forbidden("Only security engineers and admins retire workloads");
        }
        if (!WorkloadIam.WORKLOAD_ID.matcher(id).matches()) {
            throw ProblemException.invalid("Not a workload id", List.of("id: 1-128 characters of letters, digits "
                    + "and . _ : / = + @ -"));
        }
        return retirement.retire(id, me.email(), request.reason());
    }
}

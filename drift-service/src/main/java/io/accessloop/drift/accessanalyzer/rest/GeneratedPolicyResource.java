package io.accessloop.drift.accessanalyzer.rest;

import io.accessloop.drift.accessanalyzer.service.GeneratedPolicies;
import io.accessloop.drift.rightsizing.rest.ProposalCaller;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * IAM Access Analyzer's generated policy for a proposal's principal, and how it differs from the proposal
 * ({@code comparison}: actions in both, only in the generated policy, only in the proposal).
 */
@Path("/api/v1/proposals/{id}/generated-policy")
@Produces(MediaType.APPLICATION_JSON)
public class GeneratedPolicyResource {

    private final GeneratedPolicies generated;
    private final ProposalCaller callers;

    GeneratedPolicyResource(GeneratedPolicies generated, ProposalCaller callers) {
        this.generated = generated;
        this.callers = callers;
    }

    @POST
    @Operation(summary = "Start Access Analyzer policy generation for the proposal's principal over its window "
            + "(security, admin); 201 with the result, or with status IN_PROGRESS when the job outlasts the wait; "
            + "409 when Access Analyzer is unavailable")
    public Uni<Response> start(@PathParam("id") String id) {
        callers.operator();
        return generated.start(id).map(g -> Response.status(201).entity(g).build());
    }

    @GET
    @Operation(summary = "The latest policy generation of the proposal with its comparison (security, auditor, "
            + "admin); 404 when none was requested")
    public Uni<GeneratedPolicies.Generated> latest(@PathParam("id") String id) {
        callers.reader();
        return generated.latest(id);
    }
}

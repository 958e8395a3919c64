package io.accessloop.portal.clients.drift;

import io.accessloop.portal.clients.Page;
import io.accessloop.portal.clients.AccessTokenPropagation;
import io.accessloop.portal.clients.ProblemResponseMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;

/** drift-service's API (DESIGN §10), called with the signed-in person's access token. */
@RegisterRestClient(configKey = "drift")
@RegisterProvider(ProblemResponseMapper.class)
@RegisterProvider(AccessTokenPropagation.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface DriftApi {

    @GET
    @Path("/findings")
    Page<Finding> findings(@QueryParam("status") String status, @QueryParam("severity") String severity,
                           @QueryParam("rule") String rule, @QueryParam("principalArn") String principalArn,
                           @QueryParam("sort") String sort, @QueryParam("limit") Integer limit,
                           @QueryParam("cursor") String cursor);

    @GET
    @Path("/findings/{id}")
    Finding finding(@PathParam("id") String id);

    @POST
    @Path("/findings/{id}/suppress")
    Finding suppress(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String idempotencyKey,
                     Suppress body);

    @GET
    @Path("/proposals")
    Page<ProposalSummary> proposals(@QueryParam("status") String status, @QueryParam("principal") String principal,
                                    @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);

    @GET
    @Path("/proposals/{id}")
    Proposal proposal(@PathParam("id") String id);

    @POST
    @Path("/proposals/{id}/approve")
    Proposal approve(@PathParam("id") String id);

    @POST
    @Path("/proposals/{id}/reject")
    Proposal reject(@PathParam("id") String id, Reason body);

    @POST
    @Path("/proposals/{id}/apply")
    Proposal apply(@PathParam("id") String id);

    @POST
    @Path("/proposals/{id}/rollback")
    Proposal rollBack(@PathParam("id") String id, Reason body);

    /** Body of reject and rollback. */
    record Reason(String reason) {
    }

    /** Body of the suppress call. */
    record Suppress(String reason, Instant until) {
    }
}

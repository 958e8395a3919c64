package io.accessloop.portal.clients.broker;

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

/** broker-service's API (DESIGN §10), called with the signed-in person's access token. */
@RegisterRestClient(configKey = "broker")
@RegisterProvider(ProblemResponseMapper.class)
@RegisterProvider(AccessTokenPropagation.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface BrokerApi {

    @GET
    @Path("/entitlements")
    Page<Entitlement> entitlements(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);

    @GET
    @Path("/grants")
    Page<Grant> myGrants(@QueryParam("mine") boolean mine, @QueryParam("limit") Integer limit);

    @GET
    @Path("/requests")
    Page<AccessRequest> myRequests(@QueryParam("mine") boolean mine, @QueryParam("limit") Integer limit);

    @GET
    @Path("/requests")
    Page<AccessRequest> requestsWithStatus(@QueryParam("status") String status, @QueryParam("limit") Integer limit);

    @POST
    @Path("/requests")
    AccessRequest submit(@HeaderParam("Idempotency-Key") String idempotencyKey, BrokerBodies.Submit body);

    @POST
    @Path("/requests/dry-run")
    DryRunResult dryRun(BrokerBodies.DryRun body);

    @POST
    @Path("/requests/{id}/approve")
    AccessRequest approve(@PathParam("id") String id, BrokerBodies.Decision body);

    @POST
    @Path("/requests/{id}/deny")
    AccessRequest deny(@PathParam("id") String id, BrokerBodies.Decision body);

    @POST
    @Path("/grants/{id}/credentials")
    ProcessCredentials credentials(@PathParam("id") String id);

    @POST
    @Path("/grants/{id}/release")
    Grant release(@PathParam("id") String id);
}

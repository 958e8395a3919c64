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

import java.util.concurrent.CompletionStage;

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

    /** {@code mine=false}: grants of the entitlements the caller approves; {@code reviewPending} narrows to reviews. */
    @GET
    @Path("/grants")
    Page<Grant> grants(@QueryParam("mine") boolean mine, @QueryParam("status") String status,
                       @QueryParam("reviewPending") Boolean reviewPending, @QueryParam("limit") Integer limit,
                       @QueryParam("cursor") String cursor);


    /** {@link #grants}, started now and answered later, so a page can ask for several lists at once. */
    @GET
    @Path("/grants")
    CompletionStage<Page<Grant>> grantsLater(@QueryParam("mine") boolean mine, @QueryParam("status") String status,
                                             @QueryParam("reviewPending") Boolean reviewPending,
                                             @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);

    /** {@code mine=false}: the requests the caller may decide; started now and answered later. */
    @GET
    @Path("/requests")
    CompletionStage<Page<AccessRequest>> requestsLater(@QueryParam("mine") boolean mine,
                                                       @QueryParam("status") String status,
                                                       @QueryParam("limit") Integer limit);

    @POST
    @Path("/requests")
    AccessRequest submit(@HeaderParam("Idempotency-Key") String idempotencyKey, BrokerBodies.Submit body);

    @POST
    @Path("/requests/{id}/cancel")
    AccessRequest cancel(@PathParam("id") String id, BrokerBodies.Cancel body);

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

    @GET
    @Path("/grants/{id}/console")
    ConsoleLink console(@PathParam("id") String id);

    @POST
    @Path("/grants/{id}/release")
    Grant release(@PathParam("id") String id);

    @POST
    @Path("/grants/{id}/revoke")
    Grant revoke(@PathParam("id") String id, BrokerBodies.Revoke body);

    @POST
    @Path("/grants/{id}/extend")
    AccessRequest extend(@PathParam("id") String id, BrokerBodies.Extend body);

    @POST
    @Path("/grants/{id}/review")
    Grant review(@PathParam("id") String id, BrokerBodies.Review body);
}

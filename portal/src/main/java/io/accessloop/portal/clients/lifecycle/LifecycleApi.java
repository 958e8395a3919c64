package io.accessloop.portal.clients.lifecycle;

import io.accessloop.portal.clients.Page;
import io.accessloop.portal.clients.AccessTokenPropagation;
import io.accessloop.portal.clients.ProblemResponseMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** lifecycle-service's API (DESIGN §10), called with the signed-in person's access token. */
@RegisterRestClient(configKey = "lifecycle")
@RegisterProvider(ProblemResponseMapper.class)
@RegisterProvider(AccessTokenPropagation.class)
@Path("/api/v1")
interface LifecycleApi {

    @GET
    @Path("/audit")
    @Produces(MediaType.APPLICATION_JSON)
    Page<AuditEntry> audit(@QueryParam("identity") String identity, @QueryParam("grantId") String grantId,
                           @QueryParam("principalArn") String principalArn, @QueryParam("kind") String kind,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);

    /** {@code status}: OPEN (default), RESOLVED or ALL; the service answers at most 1,000, newest first. */
    @GET
    @Path("/orphans")
    @Produces(MediaType.APPLICATION_JSON)
    Page<Orphan> orphans(@QueryParam("status") String status);

    @GET
    @Path("/audit/verify")
    @Produces(MediaType.APPLICATION_JSON)
    Verification verify();

    @GET
    @Path("/identities/{email}/timeline")
    @Produces(MediaType.APPLICATION_JSON)
    Timeline timeline(@PathParam("email") String email, @QueryParam("limit") Integer limit,
                      @QueryParam("cursor") String cursor);

    @GET
    @Path("/offboarding/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    OffboardingCase offboardingCase(@PathParam("id") String id);

    @POST
    @Path("/offboarding")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    OffboardingCase startOffboarding(@HeaderParam("Idempotency-Key") String idempotencyKey, OffboardingBodies body);

    @GET
    @Path("/audit/export")
    @Produces({"application/x-ndjson", "text/csv"})
    Response export(@QueryParam("format") String format, @QueryParam("identity") String identity,
                    @QueryParam("grantId") String grantId, @QueryParam("principalArn") String principalArn,
                    @QueryParam("kind") String kind, @QueryParam("from") String from, @QueryParam("to") String to);
}

package io.accessloop.portal.grants;

import io.accessloop.portal.clients.broker.BrokerClient;
import io.accessloop.portal.clients.broker.Grant;
import io.accessloop.portal.web.BadInput;
import io.accessloop.portal.web.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Everyone's active grants that the signed-in person oversees (approvers: their entitlements; security, auditors
 * and admins: all), with a revoke action that ends a grant and its live sessions now.
 */
@Path("/grants")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.APPROVER, Roles.SECURITY, Roles.AUDITOR, Roles.ADMIN})
public class GrantsPage {

    private static final Pattern GRANT_ID = Pattern.compile("grt_[A-Za-z0-9_-]{1,80}");
    static final int MAX_REASON = 1000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Grant> grants, boolean revoked);
    }

    private final BrokerClient broker;

    GrantsPage(BrokerClient broker) {
        this.broker = broker;
    }

    @GET
    public TemplateInstance list(@QueryParam("notice") String notice) {
        return Templates.list(broker.activeGrants(), "revoked".equals(notice));
    }

    /** Ends the grant now; the broker denies its sessions and verifies the deny before it answers. */
    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.APPROVER, Roles.SECURITY, Roles.ADMIN})
    public Response revoke(@PathParam("id") String id, @FormParam("reason") String reason) {
        if (id == null || !GRANT_ID.matcher(id).matches()) {
            throw new BadInput("That is not a grant id.");
        }
        if (reason == null || reason.isBlank()) {
            throw new BadInput("Say why you end this access: the owner and the audit ledger see your reason.");
        }
        if (reason.length() > MAX_REASON) {
            throw new BadInput("Keep the reason under " + MAX_REASON + " characters.");
        }
        broker.revoke(id, reason.strip());
        return Response.seeOther(URI.create("/grants?notice=revoked")).build();
    }
}

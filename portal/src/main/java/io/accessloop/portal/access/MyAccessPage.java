package io.accessloop.portal.access;

import io.accessloop.portal.clients.broker.AccessRequest;
import io.accessloop.portal.clients.broker.BrokerClient;
import io.accessloop.portal.clients.broker.ConsoleLink;
import io.accessloop.portal.web.BadInput;
import io.accessloop.portal.clients.broker.Grant;
import io.accessloop.portal.clients.broker.MyAccess;
import io.accessloop.portal.clients.broker.ProcessCredentials;
import io.accessloop.portal.web.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/** My access: active grants with a countdown, console sign-in, CLI credentials shown once, extend, hand back; requests. */
@Path("/access")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.EMPLOYEE, Roles.APPROVER, Roles.SECURITY, Roles.AUDITOR, Roles.ADMIN})
public class MyAccessPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(List<Grant> grants, List<AccessRequest> requests, Notice notice,
                                            CliHint cli);

        static native TemplateInstance credentials(Grant grant, ProcessCredentials credentials,
                                                   CredentialSetup setup);

        static native TemplateInstance credentials$panel(Grant grant, ProcessCredentials credentials,
                                                         CredentialSetup setup);
    }

    private final BrokerClient broker;
    private final CliHint cli;

    MyAccessPage(BrokerClient broker, CliHint cli) {
        this.broker = broker;
        this.cli = cli;
    }

    @GET
    public TemplateInstance page(@QueryParam("notice") String notice) {
        MyAccess mine = broker.myAccess();
        List<Grant> grants = mine.grants().stream().filter(Grant::active).toList();
        return Templates.page(grants, mine.requests(), Notice.of(notice), cli);
    }

    /** Issues credentials and shows them once: as a {@code credential_process} set-up and as shell exports. */
    @POST
    @Path("/grants/{id}/credentials")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response credentials(@PathParam("id") String grantId, @HeaderParam("HX-Request") String htmx) {
        GrantId.check(grantId);
        Grant grant = broker.myGrants().stream().filter(g -> g.id().equals(grantId)).findFirst()
                .orElseThrow(NotFoundException::new);
        ProcessCredentials credentials = broker.credentials(grantId);
        CredentialSetup setup = CredentialSetup.of(grant, credentials);
        TemplateInstance view = htmx != null ? Templates.credentials$panel(grant, credentials, setup)
                : Templates.credentials(grant, credentials, setup);
        return Response.ok(view).header("Cache-Control", "no-store").build();
    }

    /** Opens the AWS console for the grant: the broker signs a one-time federation URL, the browser follows it. */
    @POST
    @Path("/grants/{id}/console")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response console(@PathParam("id") String grantId) {
        ConsoleLink link = broker.console(GrantId.check(grantId));
        URI target = URI.create(link.url());
        if (!"https".equals(target.getScheme()) && !"http".equals(target.getScheme())) {
            throw new BadInput("The console link is not a web address.");
        }
        return Response.seeOther(target).header("Cache-Control", "no-store").build();
    }

    /** Asks for more time through the same rules; automatic rules extend at once, others wait for approvers. */
    @POST
    @Path("/grants/{id}/extend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response extend(@PathParam("id") String grantId, @FormParam("minutes") String minutes,
                           @FormParam("reason") String reason) {
        GrantId.check(grantId);
        long extra = ExtensionForm.minutes(minutes);
        String why = ExtensionForm.reason(reason);
        AccessRequest extension = broker.extend(grantId, extra * 60, why);
        String notice = extension.pending() ? "extension-pending" : "extended";
        return Response.seeOther(URI.create("/access?notice=" + notice)).build();
    }

    /** Withdraws one of the person's pending requests. */
    @POST
    @Path("/requests/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") String requestId) {
        if (requestId == null || !requestId.startsWith("req_")) {
            throw new BadInput("That is not a request id.");
        }
        broker.cancel(GrantId.check(requestId), "withdrawn by the requester");
        return Response.seeOther(URI.create("/access?notice=withdrawn")).build();
    }

    @POST
    @Path("/grants/{id}/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response release(@PathParam("id") String grantId) {
        GrantId.check(grantId);
        broker.release(grantId);
        return Response.seeOther(URI.create("/access?notice=released")).build();
    }
}

package io.accessloop.portal.approvals;

import io.accessloop.portal.clients.broker.AccessRequest;
import io.accessloop.portal.clients.broker.BrokerClient;
import io.accessloop.portal.clients.broker.Grant;
import io.accessloop.portal.clients.broker.Inbox;
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
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The approver's inbox: pending requests they may decide (approve or deny with a comment) and break-glass grants
 * awaiting their after-the-fact review; the list refreshes itself.
 */
@Path("/approvals")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.APPROVER, Roles.ADMIN})
public class ApprovalsPage {

    private static final Pattern REQUEST_ID = Pattern.compile("req_[A-Za-z0-9_-]{1,80}");
    private static final Pattern GRANT_ID = Pattern.compile("grt_[A-Za-z0-9_-]{1,80}");
    private static final int MAX_COMMENT = 1000;
    private static final Map<String, String> NOTICES = Map.of(
            "approved", "Approved. The requester is told right away.",
            "denied", "Denied. The requester is told right away.",
            "reviewed", "Review recorded.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(List<AccessRequest> requests, List<Grant> reviews, String notice);

        static native TemplateInstance inbox$list(List<AccessRequest> requests, List<Grant> reviews);
    }

    private final BrokerClient broker;

    ApprovalsPage(BrokerClient broker) {
        this.broker = broker;
    }

    @GET
    public TemplateInstance inbox(@QueryParam("notice") String notice) {
        Inbox inbox = broker.inbox();
        return Templates.inbox(inbox.requests(), inbox.reviews(), NOTICES.get(notice == null ? "" : notice));
    }

    /** The list alone, polled by htmx so new requests appear without a reload. */
    @GET
    @Path("/list")
    public TemplateInstance list() {
        Inbox inbox = broker.inbox();
        return Templates.inbox$list(inbox.requests(), inbox.reviews());
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") String id, @FormParam("comment") String comment) {
        broker.approve(checkId(id), checkComment(comment));
        return Response.seeOther(URI.create("/approvals?notice=approved")).build();
    }

    @POST
    @Path("/{id}/deny")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deny(@PathParam("id") String id, @FormParam("comment") String comment) {
        String checked = checkComment(comment);
        if (checked == null) {
            throw new BadInput("Say why you deny the request; the requester sees your comment.");
        }
        broker.deny(checkId(id), checked);
        return Response.seeOther(URI.create("/approvals?notice=denied")).build();
    }

    /** Closes the after-the-fact review of a break-glass grant (the broker refuses its owner). */
    @POST
    @Path("/grants/{id}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response review(@PathParam("id") String id, @FormParam("comment") String comment) {
        if (id == null || !GRANT_ID.matcher(id).matches()) {
            throw new BadInput("That is not a grant id.");
        }
        String checked = checkComment(comment);
        if (checked == null) {
            throw new BadInput("Say what you found: the review comment stays in the audit ledger.");
        }
        broker.review(id, checked);
        return Response.seeOther(URI.create("/approvals?notice=reviewed")).build();
    }

    private static String checkId(String id) {
        if (id == null || !REQUEST_ID.matcher(id).matches()) {
            throw new BadInput("That is not a request id.");
        }
        return id;
    }

    private static String checkComment(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        if (comment.length() > MAX_COMMENT) {
            throw new BadInput("Keep the comment under " + MAX_COMMENT + " characters.");
        }
        return comment.trim();
    }
}

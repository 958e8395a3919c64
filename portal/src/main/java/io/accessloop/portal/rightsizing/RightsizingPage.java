package io.accessloop.portal.rightsizing;

import io.accessloop.portal.clients.Page;
import io.accessloop.portal.clients.drift.DriftClient;
import io.accessloop.portal.clients.drift.Proposal;
import io.accessloop.portal.clients.drift.ProposalFilter;
import io.accessloop.portal.clients.drift.ProposalSummary;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Right-sizing proposals for security engineers, auditors and admins: the list, and per proposal the policy diff,
 * evidence, proof and a granted-versus-used chart; security and admins approve, reject, apply and roll back.
 */
@Path("/rightsizing")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.SECURITY, Roles.AUDITOR, Roles.ADMIN})
public class RightsizingPage {

    static final List<String> STATUSES = List.of("PROPOSED", "APPROVED", "APPLIED", "CONFIRMED", "ROLLED_BACK",
            "REJECTED", "SUPERSEDED");
    private static final Pattern PROPOSAL_ID = Pattern.compile("prp_[A-Za-z0-9_-]{1,80}");
    private static final Pattern PRINCIPAL = Pattern.compile("[\\w:./*@+=,-]{0,300}");
    private static final Pattern CURSOR = Pattern.compile("[\\w=-]{0,200}");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance proposals(Page<ProposalSummary> page, ProposalFilter filter, String nextLink,
                                                 List<String> statuses);

        static native TemplateInstance detail(Proposal proposal, List<PolicyDiff> diffs, List<ServiceBar> bars,
                                              int chartHeight);
    }

    private final DriftClient drift;

    RightsizingPage(DriftClient drift) {
        this.drift = drift;
    }

    @GET
    public TemplateInstance proposals(@QueryParam("status") String status, @QueryParam("principal") String principal,
                                      @QueryParam("cursor") String cursor) {
        ProposalFilter filter = new ProposalFilter(status(status), matching(principal, PRINCIPAL, "principal"),
                matching(cursor, CURSOR, "cursor"));
        Page<ProposalSummary> page = drift.proposals(filter);
        return Templates.proposals(page, filter, nextLink(filter, page.nextCursor()), STATUSES);
    }

    /** The link to the next page with the same filters, every value URL-encoded. */
    static String nextLink(ProposalFilter f, String cursor) {
        if (cursor == null) {
            return null;
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("status", f.status());
        query.put("principal", f.principal());
        query.put("cursor", cursor);
        return "/rightsizing?" + query.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(@PathParam("id") String id) {
        Proposal proposal = drift.proposal(checkId(id));
        List<Proposal.Change> changes = proposal.changes() == null ? List.of() : proposal.changes();
        List<ServiceBar> bars = ServiceBar.of(changes);
        return Templates.detail(proposal, changes.stream().map(PolicyDiff::of).toList(), bars,
                ServiceBar.height(bars.size()));
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.SECURITY, Roles.ADMIN})
    public Response approve(@PathParam("id") String id) {
        String proposalId = checkId(id);
        drift.approve(proposalId);
        return backTo(proposalId);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.SECURITY, Roles.ADMIN})
    public Response reject(@PathParam("id") String id, @FormParam("reason") String reason) {
        String proposalId = checkId(id);
        drift.reject(proposalId, reason(reason));
        return backTo(proposalId);
    }

    @POST
    @Path("/{id}/apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.SECURITY, Roles.ADMIN})
    public Response apply(@PathParam("id") String id) {
        String proposalId = checkId(id);
        drift.apply(proposalId);
        return backTo(proposalId);
    }

    @POST
    @Path("/{id}/rollback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.SECURITY, Roles.ADMIN})
    public Response rollBack(@PathParam("id") String id, @FormParam("reason") String reason) {
        String proposalId = checkId(id);
        drift.rollBack(proposalId, reason(reason));
        return backTo(proposalId);
    }

    private static Response backTo(String proposalId) {
        return Response.seeOther(URI.create("/rightsizing/" + proposalId)).build();
    }

    private static String reason(String reason) {
        if (reason != null && reason.length() > 1000) {
            throw new BadInput("A reason has at most 1000 characters.");
        }
        return reason == null ? null : reason.trim();
    }

    private static String checkId(String id) {
        if (id == null || !PROPOSAL_ID.matcher(id).matches()) {
            throw new BadInput("That is not a proposal id.");
        }
        return id;
    }

    private static String status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        if (!STATUSES.contains(status)) {
            throw new BadInput("Unknown status: choose one of " + String.join(", ", STATUSES) + ".");
        }
        return status;
    }

    private static String matching(String value, Pattern allowed, String name) {
        if (value != null && !allowed.matcher(value).matches()) {
            throw new BadInput("The " + name + " filter has characters it cannot contain.");
        }
        return value;
    }
}

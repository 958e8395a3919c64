package io.accessloop.portal.access;

import io.accessloop.portal.clients.broker.AccessRequest;
import io.accessloop.portal.clients.broker.BrokerClient;
import io.accessloop.portal.clients.broker.DryRunResult;
import io.accessloop.portal.clients.broker.Entitlement;
import io.accessloop.portal.web.IdempotencyKeys;
import io.accessloop.portal.web.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Request access: a searchable catalog, then a form with duration, reason and a live preview of the decision. */
@Path("/request")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.EMPLOYEE, Roles.APPROVER, Roles.SECURITY, Roles.AUDITOR, Roles.ADMIN})
public class RequestPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance catalog(List<Entitlement> entitlements, String q);

        static native TemplateInstance catalog$results(List<Entitlement> entitlements, String q);

        static native TemplateInstance form(Entitlement entitlement, RequestForm form, List<String> problems,
                                            String idempotencyKey);

        static native TemplateInstance preview(DryRunResult result, List<String> problems);

        static native TemplateInstance submitted(AccessRequest request);
    }

    private final BrokerClient broker;

    RequestPage(BrokerClient broker) {
        this.broker = broker;
    }

    /** The catalog; with {@code HX-Request} only the result list, for search as you type. */
    @GET
    public TemplateInstance catalog(@QueryParam("q") String q,
                                    @jakarta.ws.rs.HeaderParam("HX-Request") String htmx) {
        List<Entitlement> matching = broker.catalog().stream().filter(e -> e.eligible() && e.matches(q)).toList();
        return htmx != null ? Templates.catalog$results(matching, q) : Templates.catalog(matching, q);
    }

    @GET
    @Path("/{entitlement}")
    public TemplateInstance form(@PathParam("entitlement") String name) {
        Entitlement entitlement = find(name);
        RequestForm blank = new RequestForm("", String.valueOf(entitlement.defaultMinutes()), "");
        return Templates.form(entitlement, blank, List.of(), IdempotencyKeys.fresh());
    }

    /** What the rules would decide for the form as it stands; invalid input is explained, not sent. */
    @POST
    @Path("/{entitlement}/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance preview(@PathParam("entitlement") String name, @FormParam("reason") String reason,
                                    @FormParam("minutes") String minutes, @FormParam("ticket") String ticket) {
        Entitlement entitlement = find(name);
        RequestForm form = new RequestForm(reason, minutes, ticket);
        List<String> problems = form.problems(entitlement);
        if (!problems.isEmpty()) {
            return Templates.preview(null, problems);
        }
        return Templates.preview(broker.dryRun(form.toDryRun(entitlement)), List.of());
    }

    @POST
    @Path("/{entitlement}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("entitlement") String name, @FormParam("reason") String reason,
                           @FormParam("minutes") String minutes, @FormParam("ticket") String ticket,
                           @FormParam("idempotencyKey") String idempotencyKey) {
        Entitlement entitlement = find(name);
        RequestForm form = new RequestForm(reason, minutes, ticket);
        List<String> problems = form.problems(entitlement);
        if (!problems.isEmpty()) {
            return Response.status(400)
                    .entity(Templates.form(entitlement, form, problems, IdempotencyKeys.orFresh(idempotencyKey)))
                    .build();
        }
        AccessRequest request = broker.submit(IdempotencyKeys.orFresh(idempotencyKey), form.toSubmit(entitlement));
        return Response.ok(Templates.submitted(request)).build();
    }

    private Entitlement find(String name) {
        return broker.catalog().stream().filter(e -> e.name().equals(name) && e.eligible()).findFirst()
                .orElseThrow(NotFoundException::new);
    }
}

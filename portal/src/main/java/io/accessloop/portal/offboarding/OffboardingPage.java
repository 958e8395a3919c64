package io.accessloop.portal.offboarding;

import io.accessloop.portal.clients.lifecycle.LifecycleClient;
import io.accessloop.portal.clients.lifecycle.OffboardingBodies;
import io.accessloop.portal.clients.lifecycle.OffboardingCase;
import io.accessloop.portal.web.BadInput;
import io.accessloop.portal.web.IdempotencyKeys;
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
import java.util.Locale;
import java.util.regex.Pattern;

/** Offboarding cases: look one up and follow its steps; security engineers and admins start one by hand. */
@Path("/offboarding")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.SECURITY, Roles.AUDITOR, Roles.ADMIN})
public class OffboardingPage {

    private static final Pattern CASE_ID = Pattern.compile("case_[A-Za-z0-9_-]{1,80}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{1,63}");
    private static final Pattern EMPLOYEE_ID = Pattern.compile("[\\w.-]{0,128}");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance start(String idempotencyKey);

        static native TemplateInstance status(OffboardingCase offboarding);
    }

    private final LifecycleClient lifecycle;

    OffboardingPage(LifecycleClient lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** The look-up form, and for security engineers and admins the form that starts a case. */
    @GET
    public Response start(@QueryParam("case") String caseId) {
        if (caseId != null && !caseId.isBlank()) {
            return Response.seeOther(URI.create("/offboarding/" + checkId(caseId.trim()))).build();
        }
        return Response.ok(Templates.start(IdempotencyKeys.fresh())).build();
    }

    @GET
    @Path("/{id}")
    public TemplateInstance status(@PathParam("id") String id) {
        return Templates.status(lifecycle.offboardingCase(checkId(id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.SECURITY, Roles.ADMIN})
    public Response open(@FormParam("email") String email, @FormParam("employeeId") String employeeId,
                         @FormParam("reason") String reason, @FormParam("idempotencyKey") String key) {
        if (email == null || !EMAIL.matcher(email.trim()).matches()) {
            throw new BadInput("Enter the person's e-mail address.");
        }
        if (employeeId != null && !EMPLOYEE_ID.matcher(employeeId.trim()).matches()) {
            throw new BadInput("The employee id has characters it cannot contain.");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new BadInput("Say why (at most 500 characters); the reason goes into the audit ledger.");
        }
        String hrId = employeeId == null || employeeId.isBlank() ? null : employeeId.trim();
        OffboardingCase opened = lifecycle.startOffboarding(IdempotencyKeys.orFresh(key),
                new OffboardingBodies(email.trim().toLowerCase(Locale.ROOT), hrId, null, reason.trim()));
        return Response.seeOther(URI.create("/offboarding/" + checkId(opened.id()))).build();
    }

    private static String checkId(String id) {
        if (id == null || !CASE_ID.matcher(id).matches()) {
            throw new BadInput("That is not an offboarding case id.");
        }
        return id;
    }
}

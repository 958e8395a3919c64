package io.accessloop.portal.orphans;

import io.accessloop.portal.clients.lifecycle.LifecycleClient;
import io.accessloop.portal.clients.lifecycle.Orphan;
import io.accessloop.portal.web.BadInput;
import io.accessloop.portal.web.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Orphaned roles lifecycle-service found (no, unknown or departed owner) and what it proposes for each. */
@Path("/orphans")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.SECURITY, Roles.AUDITOR, Roles.ADMIN})
public class OrphansPage {

    static final List<String> STATUSES = List.of("OPEN", "RESOLVED", "ALL");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Orphan> orphans, String status, List<String> statuses);
    }

    private final LifecycleClient lifecycle;

    OrphansPage(LifecycleClient lifecycle) {
        this.lifecycle = lifecycle;
    }

    @GET
    public TemplateInstance list(@QueryParam("status") String status) {
        String wanted = status == null || status.isBlank() ? "OPEN" : status.trim();
        if (!STATUSES.contains(wanted)) {
            throw new BadInput("Choose OPEN, RESOLVED or ALL.");
        }
        return Templates.list(lifecycle.orphans(wanted), wanted, STATUSES);
    }
}

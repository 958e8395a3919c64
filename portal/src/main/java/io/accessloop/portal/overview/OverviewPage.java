package io.accessloop.portal.overview;

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

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Overview for security engineers, auditors and admins: counts now and charts over a window (active grants, time
 * to grant, time to revoke, open findings by severity), drawn on the server as SVG with a table beside each.
 */
@Path("/overview")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.SECURITY, Roles.AUDITOR, Roles.ADMIN})
public class OverviewPage {

    static final List<Integer> WINDOWS = List.of(1, 7, 30);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Overview overview, List<Integer> windows);
    }

    private final OverviewReader reader;
    private final Clock clock;

    OverviewPage(OverviewReader reader) {
        this.reader = reader;
        this.clock = Clock.systemUTC();
    }

    @GET
    public TemplateInstance page(@QueryParam("days") String days) {
        return Templates.page(reader.read(clock.instant().truncatedTo(ChronoUnit.SECONDS), window(days)), WINDOWS);
    }

    static int window(String days) {
        if (days == null || days.isBlank()) {
            return 7;
        }
        try {
            int value = Integer.parseInt(days.trim());
            if (WINDOWS.contains(value)) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new BadInput("Choose a window of 1, 7 or 30 days.");
    }
}

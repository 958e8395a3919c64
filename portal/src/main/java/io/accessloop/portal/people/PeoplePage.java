package io.accessloop.portal.people;

import io.accessloop.portal.clients.lifecycle.LifecycleClient;
import io.accessloop.portal.clients.lifecycle.Timeline;
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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** People: one person's identity timeline (HR status and every ledger entry about them). */
@Path("/people")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.AUDITOR, Roles.SECURITY, Roles.ADMIN})
public class PeoplePage {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s/?#]{1,64}@[^@\\s/?#]{1,189}\\.[^@\\s/?#]{1,63}");
    private static final Pattern CURSOR = Pattern.compile("[0-9]{1,19}");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance timeline(String email, Timeline timeline, String emailParam);
    }

    private final LifecycleClient lifecycle;

    PeoplePage(LifecycleClient lifecycle) {
        this.lifecycle = lifecycle;
    }

    @GET
    public TemplateInstance timeline(@QueryParam("email") String email, @QueryParam("cursor") String cursor) {
        if (email == null || email.isBlank()) {
            return Templates.timeline(null, null, null);
        }
        String person = email.trim().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(person).matches()) {
            throw new BadInput("Enter an e-mail address such as erin@example.com.");
        }
        if (cursor != null && !cursor.isBlank() && !CURSOR.matcher(cursor).matches()) {
            throw new BadInput("That is not a position in the timeline.");
        }
        return Templates.timeline(person, lifecycle.timeline(person, cursor),
                URLEncoder.encode(person, StandardCharsets.UTF_8));
    }
}

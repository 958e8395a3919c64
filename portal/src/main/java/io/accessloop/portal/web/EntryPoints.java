package io.accessloop.portal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The front door ({@code /} leads to My access) and the page shown after signing out (open to everyone). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class EntryPoints {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signedOut();
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/access")).build();
    }

    @GET
    @Path("signed-out")
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}

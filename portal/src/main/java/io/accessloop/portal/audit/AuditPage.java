package io.accessloop.portal.audit;

import io.accessloop.portal.clients.Page;
import io.accessloop.portal.clients.lifecycle.AuditEntry;
import io.accessloop.portal.clients.lifecycle.AuditFilter;
import io.accessloop.portal.clients.lifecycle.LedgerExport;
import io.accessloop.portal.clients.lifecycle.LifecycleClient;
import io.accessloop.portal.clients.lifecycle.Verification;
import io.accessloop.portal.web.BadInput;
import io.accessloop.portal.web.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** The audit ledger for auditors, security engineers and admins: search, verify the chain, export. */
@Path("/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.AUDITOR, Roles.SECURITY, Roles.ADMIN})
public class AuditPage {

    private static final Pattern TEXT = Pattern.compile("[\\w:./*@+=,-]{0,200}");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ledger(Page<AuditEntry> page, AuditFilter filter, String exportQuery);

        static native TemplateInstance verification(Verification result);
    }

    private final LifecycleClient lifecycle;

    AuditPage(LifecycleClient lifecycle) {
        this.lifecycle = lifecycle;
    }

    @GET
    public TemplateInstance ledger(@BeanParam AuditQuery query, @QueryParam("cursor") String cursor) {
        AuditFilter filter = filter(query);
        return Templates.ledger(lifecycle.audit(filter, text(cursor, "cursor")), filter, query.asQueryString());
    }

    /** Recomputes the hash chain in the lifecycle service; htmx shows the answer in place. */
    @GET
    @Path("/verify")
    public TemplateInstance verify() {
        return Templates.verification(lifecycle.verify());
    }

    /** The ledger as CSV or JSON Lines, passed through from the lifecycle service with the same filters. */
    @GET
    @Path("/export")
    @Produces({"text/csv", "application/x-ndjson", MediaType.TEXT_HTML})
    public Response export(@QueryParam("format") String format, @BeanParam AuditQuery query) {
        if (format != null && !format.equals("csv") && !format.equals("jsonl")) {
            throw new BadInput("Export as csv or jsonl.");
        }
        LedgerExport export = lifecycle.export(format, filter(query));
        return Response.ok(export.body(), export.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"").build();
    }

    private static AuditFilter filter(AuditQuery q) {
        return new AuditFilter(text(q.identity, "identity"), text(q.grantId, "grant"), text(q.principalArn, "principal"),
                text(q.kind, "kind"), instant(q.from, "from"), instant(q.to, "to"));
    }

    private static String text(String value, String name) {
        if (value != null && !TEXT.matcher(value).matches()) {
            throw new BadInput("The " + name + " filter has characters it cannot contain.");
        }
        return value;
    }

    private static String instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim()).toString();
        } catch (DateTimeParseException e) {
            throw new BadInput("'" + name + "' must be a UTC time such as 2026-12-04T09:00:00Z.");
        }
    }
}

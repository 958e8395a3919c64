package io.accessloop.lifecycle.audit.rest;

import io.accessloop.kit.problem.ProblemException;
import io.accessloop.kit.security.CurrentCaller;
import io.accessloop.lifecycle.audit.domain.LedgerEntry;
import io.accessloop.lifecycle.audit.repository.LedgerFilter;
import io.accessloop.lifecycle.audit.repository.LedgerReader;
import io.accessloop.lifecycle.audit.service.LedgerVerification;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The audit ledger for auditors, security engineers and admins: query, verify, export. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final CurrentCaller caller;
    private final LedgerReader reader;
    private final LedgerVerification verification;
    private final LedgerExport export;

    AuditResource(CurrentCaller caller, LedgerReader reader, LedgerVerification verification, LedgerExport export) {
        this.caller = caller;
        this.reader = reader;
        this.verification = verification;
        this.export = export;
    }

    @GET
    @Operation(summary = "Ledger entries, newest first, filtered by identity, grant, principal, kind and time")
    public Uni<AuditPage> list(@QueryParam("identity") String identity, @QueryParam("grantId") String grantId,
                               @QueryParam("principalArn") String principalArn, @QueryParam("kind") String kind,
                               @QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        requireAuditor();
        LedgerFilter filter = AuditQuery.filter(identity, grantId, principalArn, kind, from, to);
        int size = AuditQuery.limit(limit);
        return reader.page(filter, AuditQuery.cursor(cursor), size, true).map(entries -> page(entries, size));
    }

    @GET
    @Path("/verify")
    @Operation(summary = "Recomputes the hash chain and reports the first broken link")
    public Uni<VerificationView> verify() {
        requireAuditor();
        return verification.verify().map(VerificationView::of);
    }

    @GET
    @Path("/export")
    @Blocking
    @Produces({"application/x-ndjson", "text/csv"})
    @Operation(summary = "Every matching entry in chain order as JSON Lines (default) or CSV, streamed page by page "
            + "up to the head at the start of the export")
    public Response export(@QueryParam("format") String format, @QueryParam("identity") String identity,
                           @QueryParam("grantId") String grantId, @QueryParam("principalArn") String principalArn,
                           @QueryParam("kind") String kind, @QueryParam("from") String from,
                           @QueryParam("to") String to) {
        requireAuditor();
        LedgerFilter filter = AuditQuery.filter(identity, grantId, principalArn, kind, from, to);
        LedgerExport.Format chosen = LedgerExport.Format.parse(format);
        return Response.ok(export.stream(filter, chosen), chosen.mediaType())
                .header("Content-Disposition", "attachment; filename=\"audit." + chosen.extension() + "\"")
                .build();
    }

    static AuditPage page(List<LedgerEntry> entries, int size) {
        String next = entries.size() == size ? String.valueOf(entries.get(entries.size() - 1).seq()) : null;
        return new AuditPage(entries.stream().map(AuditEntryView::of).toList(), next);
    }

    private void requireAuditor() {
        if (!caller.get().seesEveryone()) {
            throw ProblemException.forbidden("The audit ledger is open to auditors, security engineers and admins");
        }
    }
}

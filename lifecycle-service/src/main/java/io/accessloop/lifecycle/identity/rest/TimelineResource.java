package io.accessloop.lifecycle.identity.rest;

import io.accessloop.kit.problem.ProblemException;
import io.accessloop.kit.security.Caller;
import io.accessloop.lifecycle.audit.rest.AuditEntryView;
import io.accessloop.lifecycle.audit.rest.AuditQuery;
import io.accessloop.lifecycle.audit.repository.LedgerFilter;
import io.accessloop.lifecycle.audit.repository.LedgerReader;
import io.accessloop.lifecycle.identity.service.Identities;
import io.accessloop.lifecycle.security.CurrentCaller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Locale;

/** Who had access to what, when and why: one person's history. Employees see only their own (others: 404). */
@Path("/api/v1/identities/{email}/timeline")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

    private final CurrentCaller caller;
    private final Identities identities;
    private final LedgerReader reader;

    TimelineResource(CurrentCaller caller, Identities identities, LedgerReader reader) {
        this.caller = caller;
        this.identities = identities;
        this.reader = reader;
    }

    @GET
    @Operation(summary = "A person's status and every ledger entry about them, newest first")
    public Uni<TimelineView> timeline(@PathParam("email") String email, @QueryParam("kind") String kind,
                                      @QueryParam("from") String from, @QueryParam("to") String to,
                                      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        String person = email.trim().toLowerCase(Locale.ROOT);
        Caller me = caller.get();
        if (!me.email().equals(person) && !me.seesEveryone()) {
            throw ProblemException.notFound("Identity " + person);
        }
        LedgerFilter query = AuditQuery.filter(person, null, null, kind, from, to);
        int size = AuditQuery.limit(limit);
        Long after = AuditQuery.cursor(cursor);
        return Panache.withSession(() -> identities.find(person)).chain(known -> reader.page(query, after, size, true)
                .map(entries -> new TimelineView(
                        known == null ? null : new TimelineView.Person(known.email, known.employeeId, known.team,
                                known.status.name(), known.updatedAt),
                        entries.stream().map(AuditEntryView::of).toList(),
                        entries.size() == size ? String.valueOf(entries.get(entries.size() - 1).seq()) : null)));
    }
}

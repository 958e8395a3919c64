package io.accessloop.kit.outbox;

import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.access.GrantExpired;
import io.accessloop.kit.inbox.Inbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A tiny service under test: a state change with its event, and a consumer behind the inbox. */
@Path("/probe")
public class ProbeService {

    private final Outbox outbox;
    private final Inbox inbox;

    ProbeService(Outbox outbox, Inbox inbox) {
        this.outbox = outbox;
        this.inbox = inbox;
    }

    @POST
    @Path("/grants/{id}/expire")
    public Uni<String> expire(@PathParam("id") String grantId) {
        return Panache.withTransaction(() -> outbox.append(EventTypes.GRANT_EXPIRED, grantId,
                new GrantExpired(grantId, "alice@example.com", "prod-readonly",
                        "arn:aws:iam::000000000000:role/prod-readonly", Instant.parse("2026-12-04T10:00:00Z"))))
                .map(event -> event.id());
    }

    @POST
    @Path("/grants/expire-many/{count}")
    public Uni<Integer> expireMany(@PathParam("count") int count) {
        List<Outbox.Item<GrantExpired>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String grantId = "grt_many_" + i;
            items.add(new Outbox.Item<>(grantId, new GrantExpired(grantId, "alice@example.com", "prod-readonly",
                    "arn:aws:iam::000000000000:role/prod-readonly", Instant.parse("2026-12-04T10:00:00Z"))));
        }
        return Panache.withTransaction(() -> outbox.appendAll(EventTypes.GRANT_EXPIRED, items)).map(List::size);
    }

    /** Appends {@code count} events in one transaction, their subjects taking turns among {@code subjects} ids. */
    @POST
    @Path("/append/{prefix}/{count}/{subjects}")
    public Uni<Integer> appendInterleaved(@PathParam("prefix") String prefix, @PathParam("count") int count,
                                          @PathParam("subjects") int subjects) {
        List<Outbox.Item<GrantExpired>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String grantId = prefix + (i % subjects);
            items.add(new Outbox.Item<>(grantId, new GrantExpired(grantId, "alice@example.com", "prod-readonly",
                    "arn:aws:iam::000000000000:role/prod-readonly", Instant.parse("2026-12-04T10:00:00Z"))));
        }
        return Panache.withTransaction(() -> outbox.appendAll(EventTypes.GRANT_EXPIRED, items)).map(List::size);
    }

    @POST
    @Path("/outside-transaction")
    public Uni<String> outsideTransaction() {
        return outbox.append(EventTypes.GRANT_EXPIRED, "grt_x",
                        new GrantExpired("grt_x", "alice@example.com", "e", "arn:aws:iam::000000000000:role/r",
                                Instant.EPOCH))
                .map(event -> event.id())
                .onFailure(IllegalStateException.class).recoverWithItem(Throwable::getMessage);
    }

    @Incoming("probe")
    Uni<Void> onAccessEvent(Object body) {
        return inbox.receive("probe", body, event -> ProbeReceived.<ProbeReceived>findById(event.id())
                .chain(seen -> {
                    if (seen != null) {
                        seen.times++;
                        return Uni.createFrom().voidItem();
                    }
                    ProbeReceived received = new ProbeReceived();
                    received.eventId = event.id();
                    received.subject = event.subject();
                    received.times = 1;
                    return received.persist().replaceWithVoid();
                }));
    }
}

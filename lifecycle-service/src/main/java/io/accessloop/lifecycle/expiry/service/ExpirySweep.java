package io.accessloop.lifecycle.expiry.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.contracts.CloudEvent;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.command.RevokeGrants;
import io.accessloop.lifecycle.audit.domain.LedgerRecord;
import io.accessloop.lifecycle.audit.service.AuditLedger;
import io.accessloop.lifecycle.audit.service.RecordedOutbox;
import io.accessloop.lifecycle.config.LifecycleSettings;
import io.accessloop.lifecycle.expiry.domain.DueGrant;
import io.accessloop.lifecycle.expiry.domain.RevokeBatches;
import io.accessloop.lifecycle.expiry.domain.RevokeBatches.RevokeBatch;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends the revoke commands for every grant whose end has come, as {@code REVOKE_GRANTS} commands of one role and at
 * most {@link RevokeGrants#MAX_GRANTS} grants each, so an expiry storm costs the broker one policy write per role and
 * command instead of one per grant. Due rows are claimed in batches ({@code accessloop.lifecycle.expiry.batch-size})
 * with {@code FOR UPDATE SKIP LOCKED}, so replicas split the work and no grant is in two claims; each batch's state
 * change, commands and ledger entries commit together in one transaction, so a sweep cut short is simply finished by
 * the next one and a grant is commanded exactly once. A claim takes due grants role by role (ordered by role, then
 * end), so a role's grants fill whole commands; the due rows are found through the partial index
 * {@code grant_schedule_due (ends_at) where status = 'ACTIVE'}.
 */
@ApplicationScoped
public class ExpirySweep {

    /** Who the revoke commands name as requester. */
    public static final String REQUESTED_BY = "lifecycle-service";
    /** Why the commands revoke. */
    public static final String REASON = "expired";
    /** Ledger kind of the entry filed under each grant and its owner, naming the command that revokes it. */
    public static final String KIND_REVOKE_REQUESTED = "io.accessloop.lifecycle.expiry.revoke-requested";
    private static final Logger LOG = Logger.getLogger(ExpirySweep.class);

    private final RecordedOutbox outbox;
    private final AuditLedger ledger;
    private final Clock clock;
    private final int batchSize;

    ExpirySweep(RecordedOutbox outbox, AuditLedger ledger, Clock clock, LifecycleSettings settings) {
        this.outbox = outbox;
        this.ledger = ledger;
        this.clock = clock;
        this.batchSize = settings.expiry().batchSize();
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("expiry sweep failed, the next one resumes: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Revokes everything due now; returns how many grants the sent commands revoke. */
    public Uni<Integer> sweep() {
        return batch().chain(claimed -> claimed < batchSize
                ? Uni.createFrom().item(claimed)
                : sweep().map(more -> more + claimed));
    }

    private Uni<Integer> batch() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("select grant_id, identity, role_arn from grant_schedule "
                                        + "where status = 'ACTIVE' and ends_at <= ?1 order by role_arn, ends_at limit ?2 "
                                        + "for update skip locked", Object[].class)
                        .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .setParameter(2, batchSize)
                        .getResultList()
                        .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(0) : revoke(session, claimed(rows), now))));
    }

    private Uni<Integer> revoke(Mutiny.Session session, List<DueGrant> claimed, Instant now) {
        List<RevokeBatch> batches = RevokeBatches.of(claimed, RevokeGrants.MAX_GRANTS);
        return session.createNativeQuery("update grant_schedule set status = 'REVOKE_SENT', revoke_sent_at = :now, "
                        + "updated_at = :now where grant_id in (:ids)")
                .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter("ids", claimed.stream().map(DueGrant::grantId).toList())
                .executeUpdate()
                .chain(() -> outbox.publishAll(EventTypes.REVOKE_GRANTS, batches.stream()
                        .map(b -> new RecordedOutbox.Outgoing<>(b.roleArn() == null ? b.grants().get(0).grantId()
                                : b.roleArn(), new RevokeGrants(b.grantIds(), REASON, REQUESTED_BY), null, b.roleArn()))
                        .toList()))
                .chain(commands -> ledger.appendAll(perGrant(batches, commands, now)))
                .invoke(() -> LOG.debugf("expiry: %d grant(s) in %d revoke command(s)", claimed.size(), batches.size()))
                .replaceWith(claimed.size());
    }

    /** One entry per grant, under its owner, naming the batch command: the grant's history stays on its timeline. */
    private static List<LedgerRecord> perGrant(List<RevokeBatch> batches, List<CloudEvent> commands, Instant now) {
        List<LedgerRecord> records = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            String commandId = commands.get(i).id();
            for (DueGrant grant : batches.get(i).grants()) {
                ObjectNode data = JsonNodeFactory.instance.objectNode().put("grantId", grant.grantId())
                        .put("reason", REASON).put("command", EventTypes.REVOKE_GRANTS.type()).put("commandId", commandId);
                if (grant.roleArn() != null) {
                    data.put("roleArn", grant.roleArn());
                }
                records.add(new LedgerRecord(KIND_REVOKE_REQUESTED, AuditLedger.SELF, grant.grantId(), grant.identity(),
                        grant.grantId(), grant.roleArn(), null, now, data));
            }
        }
        return records;
    }

    private static List<DueGrant> claimed(List<Object[]> rows) {
        return rows.stream().map(row -> new DueGrant((String) row[0], (String) row[1], (String) row[2])).toList();
    }
}

package io.accessloop.lifecycle.inactive.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.lifecycle.audit.service.AuditLedger;
import io.accessloop.lifecycle.config.LifecycleSettings;
import io.accessloop.lifecycle.inactive.domain.InactiveIam;
import io.accessloop.lifecycle.inactive.domain.InactivityAction;
import io.accessloop.lifecycle.inactive.domain.InactivityPolicy;
import io.accessloop.lifecycle.inactive.domain.InactivityRules;
import io.accessloop.lifecycle.inactive.domain.UserActivity;
import io.accessloop.lifecycle.offboarding.domain.PersonIam;
import io.accessloop.lifecycle.offboarding.domain.UserChange;
import io.accessloop.lifecycle.offboarding.service.IamUserEvents;
import io.accessloop.lifecycle.support.SweepLease;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.accessloop.lifecycle.support.Blocking.await;

/**
 * Disables IAM users nobody used for a long time, deletes them later, and retires old access keys after a notice.
 * One replica at a time (lease row); every action is recorded in the audit ledger with its reason, and every change
 * to a user (key notice, key deactivated, login profile deleted, user disabled or deleted...) is published as an
 * IAM_USER_ACTIONED event in the same transaction.
 */
@ApplicationScoped
public class InactivitySweep {

    public static final String KIND_PREFIX = "io.accessloop.lifecycle.inactive.";
    private static final String LEASE = "inactive-users";
    private static final Logger LOG = Logger.getLogger(InactivitySweep.class);

    private final InactiveIam iam;
    private final AuditLedger ledger;
    private final IamUserEvents events;
    private final SweepLease lease;
    private final Clock clock;
    private final LifecycleSettings.Inactive settings;
    private final InactivityPolicy policy;

    InactivitySweep(InactiveIam iam, AuditLedger ledger, IamUserEvents events, SweepLease lease, Clock clock,
                    LifecycleSettings settings) {
        this.iam = iam;
        this.ledger = ledger;
        this.events = events;
        this.lease = lease;
        this.clock = clock;
        this.settings = settings.inactive();
        this.policy = new InactivityPolicy(this.settings.disableAfter(), this.settings.deleteAfter(),
                this.settings.keyMaxAge(), this.settings.keyNotice());
    }

    @Scheduled(every = "${accessloop.lifecycle.inactive.every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warnf("inactive-user sweep failed, the next one starts over: %s", e.getMessage());
        }
    }

    /** One sweep; returns the actions taken (empty when another replica holds the lease). */
    public List<InactivityAction> run() {
        return lease.runAlone(LEASE, Duration.ofHours(1), this::sweep).orElse(List.of());
    }

    private List<InactivityAction> sweep() {
        List<InactivityAction> taken = new ArrayList<>();
        for (UserActivity user : iam.users(settings.pathPrefix())) {
            for (InactivityAction action : InactivityRules.decide(user, clock.instant(), policy)) {
                List<UserChange> done = perform(action);
                await(() -> record(user, action, done));
                taken.add(action);
            }
        }
        return taken;
    }

    private List<UserChange> perform(InactivityAction action) {
        Instant now = clock.instant();
        return switch (action.kind()) {
            case DISABLE_USER -> iam.disable(action.userName(), now);
            case DELETE_USER -> iam.delete(action.userName(), now);
            case NOTIFY_KEY -> iam.noticeKey(action.userName(), action.keyId(), now);
            case DEACTIVATE_KEY -> iam.deactivateKey(action.userName(), action.keyId());
        };
    }

    /** The ledger entry of the action and one IAM_USER_ACTIONED event per change, committed together. */
    private Uni<Void> record(UserActivity user, InactivityAction action, List<UserChange> done) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("action", action.kind().name())
                .put("userName", action.userName()).put("keyId", action.keyId()).put("reason", action.reason());
        UserChange.descriptions(done).forEach(data.putArray("done")::add);
        String tagged = user.tags().get(PersonIam.IDENTITY_TAG);
        String person = tagged == null ? null : tagged.toLowerCase(Locale.ROOT);
        Instant at = clock.instant();
        return Panache.withTransaction(() -> ledger.action(
                        KIND_PREFIX + action.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), action.userName(),
                        person, user.arn(), data)
                .chain(() -> events.publish(done, action.reason(), person, at)));
    }
}

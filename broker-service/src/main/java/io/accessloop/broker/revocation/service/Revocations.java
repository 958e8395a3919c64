package io.accessloop.broker.revocation.service;

import io.accessloop.broker.config.BrokerSettings;
import io.accessloop.broker.credentials.domain.RoleDirectory;
import io.accessloop.broker.revocation.domain.RevocationEntry;
import io.accessloop.broker.revocation.domain.RevocationPolicy;
import io.accessloop.broker.revocation.domain.RevocationProbe;
import io.accessloop.broker.revocation.domain.RoleRevoker;
import io.accessloop.broker.revocation.repository.RevocationEntryRecord;
import io.accessloop.broker.revocation.repository.RevocationRoleRecord;
import io.accessloop.broker.support.Blocking;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts denies into a role's {@code accessloop-revocations} policy (DESIGN §4) and verifies them with a probe
 * session. Runs inside the caller's transaction: the role's row is locked so that replicas rewriting the same
 * role's policy do so one after the other, and the entries stored are exactly those of the policy written.
 */
@ApplicationScoped
public class Revocations {

    private static final Logger LOG = Logger.getLogger(Revocations.class);

    private final RoleRevoker revoker;
    private final RevocationProbe probe;
    private final RoleDirectory roles;
    private final Blocking blocking;
    private final BrokerSettings settings;
    private final Clock clock;
    private final Timer timeToRevoke;

    Revocations(RoleRevoker revoker, RevocationProbe probe, RoleDirectory roles, Blocking blocking,
                BrokerSettings settings, Clock clock, MeterRegistry registry) {
        this.revoker = revoker;
        this.probe = probe;
        this.roles = roles;
        this.blocking = blocking;
        this.settings = settings;
        this.clock = clock;
        this.timeToRevoke = Timer.builder("accessloop_time_to_revoke_seconds")
                .description("Time from a revocation trigger to the deny being in place")
                .publishPercentileHistogram()
                .register(registry);
    }

    /** What a revocation wrote and proved. */
    public record Outcome(Instant revokedAt, boolean verified, int policyCharacters, boolean compacted) {
    }

    /**
     * Denies the grants' sessions (by tag) and, when {@code identity} is given, every session of that person on the
     * role issued before now. {@code triggeredAt} is when the revocation was asked for (for the metric).
     */
    public Uni<Outcome> deny(String roleArn, List<String> grantIds, String identity, Instant triggeredAt) {
        return lockRole(roleArn)
                .chain(() -> blocking.call(() -> prepare(roleArn, grantIds, identity)))
                .chain(prepared -> {
                    Instant now = clock.instant();
                    Instant pruneAfter = now.plusSeconds(prepared.roleMaxSeconds());
                    List<RevocationEntry> added = new ArrayList<>();
                    grantIds.forEach(g -> added.add(new RevocationEntry(RevocationEntry.Kind.GRANT, g, now, pruneAfter)));
                    if (identity != null) {
                        added.add(new RevocationEntry(RevocationEntry.Kind.IDENTITY, identity, now, pruneAfter));
                    }
                    return rewrite(roleArn, added, prepared.otherCharacters(), now)
                            .chain(policy -> blocking.call(() -> {
                                write(roleArn, policy);
                                timeToRevoke.record(Duration.between(triggeredAt, clock.instant()).abs());
                                boolean verified = prepared.session() != null && verify(prepared.session());
                                if (verified) {
                                    LOG.infof("revocation on %s in place and verified (%d entries, %d characters)",
                                            roleArn, policy.entries().size(), policy.characters());
                                } else {
                                    LOG.warnf("revocation on %s written but not verified by a probe session", roleArn);
                                }
                                return new Outcome(now, verified, policy.characters(),
                                        policy.entries().stream().anyMatch(e -> e.kind() == RevocationEntry.Kind.ROLE));
                            }));
                });
    }

    /** Rewrites a role's policy without the entries that can no longer match a live session. */
    public Uni<Integer> prune(String roleArn) {
        return lockRole(roleArn)
                .chain(() -> blocking.call(() -> revoker.otherInlineCharacters(roleArn, settings.revocation().policyName())))
                .chain(other -> rewrite(roleArn, List.of(), other, clock.instant()))
                .chain(policy -> blocking.call(() -> {
                    write(roleArn, policy);
                    return policy.entries().size();
                }));
    }

    private record Prepared(RevocationProbe.ProbeSession session, long roleMaxSeconds, int otherCharacters) {
    }

    /** The probe is opened before the deny is written so that a person deny (tokens issued before now) matches it. */
    private Prepared prepare(String roleArn, List<String> grantIds, String identity) {
        RevocationProbe.ProbeSession session = null;
        try {
            String tag = grantIds.isEmpty() ? "probe" : grantIds.get(0);
            session = probe.open(roleArn, tag, identity != null ? identity : "accessloop-probe");
        } catch (RuntimeException e) {
            LOG.warnf("cannot open a revocation probe session on %s: %s", roleArn, e.getMessage());
        }
        long roleMax = roles.maxSessionSeconds(roleArn);
        int other = revoker.otherInlineCharacters(roleArn, settings.revocation().policyName());
        return new Prepared(session, roleMax, other);
    }

    private void write(String roleArn, RevocationPolicy policy) {
        if (policy.isEmpty()) {
            revoker.deletePolicy(roleArn, settings.revocation().policyName());
        } else {
            revoker.putPolicy(roleArn, settings.revocation().policyName(), policy.toJson());
        }
    }

    private boolean verify(RevocationProbe.ProbeSession session) {
        Instant deadline = clock.instant().plus(settings.revocation().verifyTimeout());
        long pause = 100;
        while (true) {
            try {
                if (probe.deniedExplicitly(session)) {
                    return true;
                }
            } catch (RuntimeException e) {
                LOG.debugf("revocation probe call failed: %s", e.getMessage());
            }
            if (!clock.instant().isBefore(deadline)) {
                return false;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pause = Math.min(pause * 2, 1000);
        }
    }

    /** Replaces the stored entries of the role with the pruned, fitted policy and returns it. */
    private Uni<RevocationPolicy> rewrite(String roleArn, List<RevocationEntry> added, int otherCharacters,
                                          Instant now) {
        return RevocationEntryRecord.<RevocationEntryRecord>list("roleArn = ?1 order by id", roleArn)
                .chain(stored -> {
                    List<RevocationEntry> all = new ArrayList<>();
                    stored.forEach(r -> all.add(new RevocationEntry(RevocationEntry.Kind.valueOf(r.kind), r.subject,
                            r.revokedAt, r.pruneAfter)));
                    all.addAll(added);
                    RevocationPolicy policy = new RevocationPolicy(all).pruned(now).fitted(otherCharacters, now);
                    List<RevocationEntryRecord> records = policy.entries().stream().map(e -> {
                        RevocationEntryRecord r = new RevocationEntryRecord();
                        r.roleArn = roleArn;
                        r.kind = e.kind().name();
                        r.subject = e.subject();
                        r.revokedAt = e.revokedAt();
                        r.pruneAfter = e.pruneAfter();
                        return r;
                    }).toList();
                    return RevocationEntryRecord.delete("roleArn", roleArn)
                            .chain(() -> records.isEmpty() ? Uni.createFrom().voidItem()
                                    : RevocationEntryRecord.persist(records))
                            .chain(() -> RevocationRoleRecord.<RevocationRoleRecord>findById(roleArn))
                            .invoke(role -> {
                                role.policyCharacters = policy.isEmpty() ? 0 : policy.characters();
                                role.updatedAt = now;
                            })
                            .chain(() -> Panache.flush())
                            .replaceWith(policy);
                });
    }

    private Uni<Void> lockRole(String roleArn) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("insert into revocation_role (role_arn, policy_characters, "
                                + "updated_at) values (?1, 0, now()) on conflict do nothing")
                        .setParameter(1, roleArn).executeUpdate())
                .chain(() -> RevocationRoleRecord.findById(roleArn, LockModeType.PESSIMISTIC_WRITE))
                .replaceWithVoid();
    }
}

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
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts denies into roles' {@code accessloop-revocations} policies (DESIGN §4) and verifies them with probe sessions.
 * Runs inside the caller's transaction: each role's row is locked so that replicas rewriting the same role's policy
 * do so one after the other, and the entries stored are exactly those of the policy written. Several roles are
 * revoked together: their AWS calls (probe, policy write, verification) run side by side, their database work one
 * role after the other in role order.
 */
@ApplicationScoped
public class Revocations {

    private static final Logger LOG = Logger.getLogger(Revocations.class);
    /** PostgreSQL takes at most 65,535 parameters in one statement; five per entry row. */
    private static final int ROWS_PER_INSERT = 1000;
    /** The probe is asked at once after the write, then after 50 ms, 100 ms, 200 ms … (at most a second apart). */
    private static final long FIRST_VERIFY_PAUSE_MILLIS = 50;

    private final RoleRevoker revoker;
    private final RevocationProbe probe;
    private final RoleDirectory roles;
    private final LiveGrants liveGrants;
    private final Blocking blocking;
    private final BrokerSettings settings;
    private final Clock clock;
    private final Timer timeToRevoke;

    Revocations(RoleRevoker revoker, RevocationProbe probe, RoleDirectory roles, LiveGrants liveGrants,
                Blocking blocking, BrokerSettings settings, Clock clock, MeterRegistry registry) {
        this.revoker = revoker;
        this.probe = probe;
        this.roles = roles;
        this.liveGrants = liveGrants;
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

    /** The denies wanted on one role: grants (by tag) and, if {@code identity} is given, that person's sessions. */
    public record RoleDeny(String roleArn, List<String> grantIds, String identity) {

        public RoleDeny {
            grantIds = List.copyOf(grantIds);
        }
    }

    /**
     * Denies the grants' sessions (by tag) and, when {@code identity} is given, every session of that person on the
     * role issued before now. {@code triggeredAt} is when the revocation was asked for (for the metric).
     */
    public Uni<Outcome> deny(String roleArn, List<String> grantIds, String identity, Instant triggeredAt) {
        return denyAll(List.of(new RoleDeny(roleArn, grantIds, identity)), triggeredAt)
                .map(outcomes -> outcomes.get(roleArn));
    }

    /**
     * Puts every deny in place with one policy write and one verification per role; returns the outcome per role.
     * Denies naming the same role are merged.
     */
    public Uni<Map<String, Outcome>> denyAll(List<RoleDeny> denies, Instant triggeredAt) {
        List<RoleDeny> merged = merge(denies);
        if (merged.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        // probes are opened before the denies are written, so that a person deny (tokens issued before now) matches
        return Uni.join().all(merged.stream().map(this::prepare).toList()).andFailFast()
                .chain(prepared -> Multi.createFrom().iterable(prepared)
                        .onItem().transformToUniAndConcatenate(this::store)
                        .collect().asList())
                .chain(stored -> Uni.join().all(stored.stream()
                        .map(s -> blocking.call(() -> writeAndVerify(s, triggeredAt))).toList()).andFailFast())
                .map(outcomes -> {
                    Map<String, Outcome> byRole = new LinkedHashMap<>();
                    for (int i = 0; i < merged.size(); i++) {
                        byRole.put(merged.get(i).roleArn(), outcomes.get(i));
                    }
                    return byRole;
                });
    }

    /** Rewrites a role's policy without the entries that can no longer match a live session. */
    public Uni<Integer> prune(String roleArn) {
        return lockRole(roleArn)
                .chain(() -> blocking.call(() -> revoker.otherInlineCharacters(roleArn, settings.revocation().policyName())))
                .chain(other -> rewrite(roleArn, List.of(), Set.of(), other, now()))
                .chain(policy -> blocking.call(() -> {
                    write(roleArn, policy);
                    return policy.entries().size();
                }));
    }

    /** Denies of the same role merged into one, in role order (the order the role rows are locked in). */
    private static List<RoleDeny> merge(List<RoleDeny> denies) {
        Map<String, List<String>> grants = new LinkedHashMap<>();
        Map<String, String> identities = new LinkedHashMap<>();
        for (RoleDeny d : denies) {
            grants.computeIfAbsent(d.roleArn(), r -> new ArrayList<>()).addAll(d.grantIds());
            if (d.identity() != null) {
                String previous = identities.putIfAbsent(d.roleArn(), d.identity());
                if (previous != null && !previous.equals(d.identity())) {
                    throw new IllegalArgumentException("one person per role and revocation: " + d.roleArn());
                }
            }
        }
        return grants.keySet().stream().sorted()
                .map(role -> new RoleDeny(role, grants.get(role).stream().distinct().toList(), identities.get(role)))
                .toList();
    }

    private record Prepared(RoleDeny deny, RevocationProbe.ProbeSession session, long roleMaxSeconds,
                            int otherCharacters) {
    }

    private record Stored(Prepared prepared, RevocationPolicy policy, Instant revokedAt) {
    }

    /** The probe session and the role's facts, read side by side (neither waits for the other). */
    private Uni<Prepared> prepare(RoleDeny deny) {
        String roleArn = deny.roleArn();
        Uni<Optional<RevocationProbe.ProbeSession>> session = blocking.call(() -> {
            try {
                String tag = deny.grantIds().isEmpty() ? "probe" : deny.grantIds().get(0);
                return Optional.of(probe.open(roleArn, tag, deny.identity() != null ? deny.identity()
                        : "accessloop-probe"));
            } catch (RuntimeException e) {
                LOG.warnf("cannot open a revocation probe session on %s: %s", roleArn, e.getMessage());
                return Optional.empty();
            }
        });
        Uni<long[]> facts = blocking.call(() -> new long[] {roles.maxSessionSeconds(roleArn),
                revoker.otherInlineCharacters(roleArn, settings.revocation().policyName())});
        return Uni.combine().all().unis(session, facts).asTuple()
                .map(both -> new Prepared(deny, both.getItem1().orElse(null), both.getItem2()[0],
                        (int) both.getItem2()[1]));
    }

    /** Locks the role and stores its new entries; the revocation instant is taken once the lock is held. */
    private Uni<Stored> store(Prepared prepared) {
        RoleDeny deny = prepared.deny();
        return lockRole(deny.roleArn()).chain(() -> {
            Instant now = now();
            Instant pruneAfter = now.plusSeconds(prepared.roleMaxSeconds());
            List<RevocationEntry> added = new ArrayList<>();
            deny.grantIds().forEach(g -> added.add(new RevocationEntry(RevocationEntry.Kind.GRANT, g, now, pruneAfter)));
            if (deny.identity() != null) {
                added.add(new RevocationEntry(RevocationEntry.Kind.IDENTITY, deny.identity(), now, pruneAfter));
            }
            return rewrite(deny.roleArn(), added, new HashSet<>(deny.grantIds()), prepared.otherCharacters(), now)
                    .map(policy -> new Stored(prepared, policy, now));
        });
    }

    private Outcome writeAndVerify(Stored stored, Instant triggeredAt) {
        String roleArn = stored.prepared().deny().roleArn();
        RevocationPolicy policy = stored.policy();
        RevocationProbe.ProbeSession session = stored.prepared().session();
        try {
            write(roleArn, policy);
            timeToRevoke.record(Duration.between(triggeredAt, clock.instant()).abs());
            boolean verified = session != null && verify(session);
            if (verified) {
                LOG.infof("revocation on %s in place and verified (%d entries, %d characters) %d ms after its trigger",
                        roleArn, policy.entries().size(), policy.characters(),
                        Duration.between(triggeredAt, clock.instant()).toMillis());
            } else {
                LOG.warnf("revocation on %s written but not verified by a probe session", roleArn);
            }
            return new Outcome(stored.revokedAt(), verified, policy.characters(), policy.roleWide());
        } finally {
            if (session != null) {
                session.close();
            }
        }
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
        long pause = FIRST_VERIFY_PAUSE_MILLIS;
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

    /**
     * Brings the stored entries of the role to the pruned, fitted policy and returns it. Only the difference is
     * written (pruned rows deleted, new rows inserted); a compaction replaces every row of the role. Live grants are
     * read only when compacting; {@code revokingNow} are still ACTIVE in this transaction but must not be spared.
     */
    private Uni<RevocationPolicy> rewrite(String roleArn, List<RevocationEntry> added, Set<String> revokingNow,
                                          int otherCharacters, Instant now) {
        return RevocationEntryRecord.<RevocationEntryRecord>list("roleArn = ?1 order by id", roleArn)
                .chain(stored -> {
                    List<RevocationEntry> all = new ArrayList<>(stored.size() + added.size());
                    stored.forEach(r -> all.add(new RevocationEntry(RevocationEntry.Kind.valueOf(r.kind), r.subject,
                            r.revokedAt, r.pruneAfter)));
                    all.addAll(added);
                    RevocationPolicy kept = new RevocationPolicy(all).pruned(now);
                    boolean anyPruned = kept.entries().size() < all.size();
                    if (kept.fits(otherCharacters)) {
                        Uni<?> deleted = anyPruned ? RevocationEntryRecord.delete("roleArn = ?1 and pruneAfter <= ?2",
                                roleArn, now) : Uni.createFrom().voidItem();
                        List<RevocationEntry> fresh = added.stream().filter(e -> !e.prunable(now)).toList();
                        return deleted.chain(() -> insert(roleArn, fresh)).chain(() -> saveRole(roleArn, kept, now));
                    }
                    return liveGrants.activeOn(roleArn).chain(active -> {
                        List<String> spared = active.stream().filter(g -> !revokingNow.contains(g)).toList();
                        RevocationPolicy compacted = kept.fitted(otherCharacters, now, spared);
                        if (compacted.sparedGrants() < spared.size()) {
                            LOG.warnf("role-wide revocation on %s cuts the sessions of %d live grants: the list of "
                                    + "grants to spare does not fit IAM's inline policy quota", roleArn, spared.size());
                        } else {
                            LOG.infof("revocations on %s compacted into one role-wide deny sparing %d live grants",
                                    roleArn, spared.size());
                        }
                        return RevocationEntryRecord.delete("roleArn", roleArn)
                                .chain(() -> insert(roleArn, compacted.entries()))
                                .chain(() -> saveRole(roleArn, compacted, now));
                    });
                });
    }

    private Uni<RevocationPolicy> saveRole(String roleArn, RevocationPolicy policy, Instant now) {
        return RevocationRoleRecord.<RevocationRoleRecord>findById(roleArn)
                .invoke(role -> {
                    role.policyCharacters = policy.isEmpty() ? 0 : policy.characters();
                    role.updatedAt = now;
                })
                .chain(() -> Panache.flush())
                .replaceWith(policy);
    }

    /** Multi-row inserts: a storm of a thousand grants is a handful of statements, not a thousand. */
    private Uni<Void> insert(String roleArn, List<RevocationEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<List<RevocationEntry>> chunks = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += ROWS_PER_INSERT) {
            chunks.add(entries.subList(from, Math.min(entries.size(), from + ROWS_PER_INSERT)));
        }
        return Panache.getSession().chain(session -> Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(chunk -> {
                    StringBuilder sql = new StringBuilder(
                            "insert into revocation_entry (role_arn, kind, subject, revoked_at, prune_after) values ");
                    for (int row = 0; row < chunk.size(); row++) {
                        int p = row * 5;
                        sql.append(row == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2)
                                .append(", ?").append(p + 3).append(", ?").append(p + 4).append(", ?").append(p + 5)
                                .append(')');
                    }
                    var query = session.createNativeQuery(sql.toString());
                    int p = 0;
                    for (RevocationEntry e : chunk) {
                        query.setParameter(++p, roleArn)
                                .setParameter(++p, e.kind().name())
                                .setParameter(++p, e.subject())
                                .setParameter(++p, OffsetDateTime.ofInstant(e.revokedAt(), ZoneOffset.UTC))
                                .setParameter(++p, OffsetDateTime.ofInstant(e.pruneAfter(), ZoneOffset.UTC));
                    }
                    return query.executeUpdate();
                })
                .collect().last().replaceWithVoid());
    }

    /** Microseconds, as PostgreSQL stores them: the role-wide entry and its spared grants keep one equal instant. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
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

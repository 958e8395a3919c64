package io.accessloop.lifecycle.workload.service;

import io.accessloop.lifecycle.support.SweepLease;
import io.accessloop.lifecycle.workload.domain.RetireAt;
import io.accessloop.lifecycle.workload.domain.RetireCandidate;
import io.accessloop.lifecycle.workload.domain.WorkloadIam;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Retires roles whose {@code accessloop:retire-at} time has passed, through the workload retirement (definition
 * saved first, WORKLOAD_RETIRED published). One replica at a time (lease row). A role whose tag cannot be read is
 * skipped with a warning naming it; a role that fails to retire is left for the next sweep.
 */
@ApplicationScoped
public class RetireAtSweep {

    /** Who retirements triggered by the tag are recorded as. */
    public static final String RETIRED_BY = "lifecycle-service";
    private static final String LEASE = "retire-at";
    private static final Logger LOG = Logger.getLogger(RetireAtSweep.class);

    private final WorkloadIam iam;
    private final WorkloadRetirement retirement;
    private final SweepLease lease;
    private final Clock clock;

    RetireAtSweep(WorkloadIam iam, WorkloadRetirement retirement, SweepLease lease, Clock clock) {
        this.iam = iam;
        this.retirement = retirement;
        this.lease = lease;
        this.clock = clock;
    }

    @Scheduled(every = "${accessloop.lifecycle.workloads.retire-at-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warnf("retire-at sweep failed, the next one starts over: %s", e.getMessage());
        }
    }

    /** One sweep; empty when another replica holds the lease. */
    public Result run() {
        return lease.runAlone(LEASE, Duration.ofMinutes(30), this::sweep)
                .orElseGet(() -> new Result(List.of(), List.of(), List.of()));
    }

    private Result sweep() {
        List<WorkloadRetirement.RetiredRole> retired = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (RetireCandidate role : iam.rolesMarkedForRetirement()) {
            Optional<Instant> at = RetireAt.parse(role.retireAt());
            if (at.isEmpty()) {
                LOG.warnf("role %s: tag %s=\"%s\" is not an ISO-8601 date-time with an offset "
                        + "(e.g. 2026-12-31T18:00:00Z); the role is not retired", role.roleName(), RetireAt.TAG,
                        printable(role.retireAt()));
                unreadable.add(role.roleName());
                continue;
            }
            if (at.get().isAfter(clock.instant())) {
                continue;
            }
            String workload = role.workload() != null && WorkloadIam.WORKLOAD_ID.matcher(role.workload()).matches()
                    ? role.workload() : role.roleName();
            try {
                retired.add(retirement.retireRole(workload, role.roleName(), RETIRED_BY,
                        RetireAt.TAG + "=" + at.get() + " has passed"));
            } catch (RuntimeException e) {
                LOG.warnf("role %s: retirement due at %s failed, the next sweep retries: %s", role.roleName(),
                        at.get(), e.getMessage());
                failed.add(role.roleName());
            }
        }
        return new Result(retired, unreadable, failed);
    }

    /** Tag values come from anyone who may tag roles: keep control characters out of the log. */
    private static String printable(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 64 ? clean : clean.substring(0, 64) + "...";
    }

    /**
     * What a sweep did.
     *
     * @param retired    roles removed, with their saved definitions
     * @param unreadable roles whose tag value is not a date-time (skipped)
     * @param failed     roles whose retirement failed (retried by the next sweep)
     */
    public record Result(List<WorkloadRetirement.RetiredRole> retired, List<String> unreadable, List<String> failed) {
    }
}

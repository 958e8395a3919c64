package io.accessloop.bench.e2e;

import io.accessloop.bench.load.LoadResults;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Many grants reaching their end at once, measured end to end: grants are seeded straight into the broker's
 * {@code access_grant} and lifecycle's {@code grant_schedule} (their Flyway schemas, with COPY), all ending in an
 * hour; the trigger is one update setting every end to now; the storm is over when the broker holds every one of
 * them EXPIRED. Sampled sessions of the storm's grants are checked for the explicit deny, and the session of one
 * live grant of the same role, not part of the storm, is checked all along: the broker's compacted deny spares the
 * active grants with a live session (the bench records its sessions as the broker would) while their list fits the
 * role's inline policy quota.
 * <ul>
 *   <li>batched, through lifecycle's expiry sweep at 1,000 → 10,000 → 100,000 grants (short mode too);</li>
 *   <li>the baseline in the same run: a smaller storm revoked one grant per command ({@code REVOKE_GRANT}, as the
 *   sweep sent them before {@code REVOKE_GRANTS}), queued in lifecycle's outbox and sent on by its relay.</li>
 * </ul>
 */
final class ExpiryStorm {

    private static final int SAMPLED = 10;
    private static final List<Integer> SIZES = List.of(1_000, 10_000, 100_000);

    private ExpiryStorm() {
    }

    static void run(Context ctx) throws Exception {
        int baselineSize = ctx.iterations(150, 1_000);
        Storm oneByOne = storm(ctx, "one", baselineSize, Duration.ofSeconds(ctx.full ? 600 : 90), true);
        double baselineRate = oneByOne.rate();
        LoadResults.single(ctx.rows, "e2e.ExpiryStorm.baselineOneGrantPerCommand", "grants=" + oneByOne.expired,
                baselineRate, "grants/s");
        ctx.note("ExpiryStorm.baselineOneGrantPerCommand", oneByOne.describe("one REVOKE_GRANT command per grant, queued "
                + "in lifecycle's outbox as the sweep sent them before REVOKE_GRANTS"));
        for (int size : SIZES) {
            Duration wait = Duration.ofSeconds(size < 100_000 ? 120 : ctx.full ? 1800 : 240);
            Storm storm = storm(ctx, "batch" + size, size, wait, false);
            String params = "grants=" + size;
            LoadResults.single(ctx.rows, "e2e.ExpiryStorm.grantsExpiredPerSecond", params, storm.rate(), "grants/s");
            if (storm.finished()) {
                LoadResults.single(ctx.rows, "scaling.ExpiryStorm.secondsUntilAllExpired", "size=" + size,
                        storm.seconds, "s");
            }
            if (storm.sampledDeniedAfter > 0) {
                LoadResults.single(ctx.rows, "e2e.ExpiryStorm.sampledSessionsDenied", params + ", sampled=" + SAMPLED,
                        storm.sampledDeniedAfter, "s");
            }
            if (storm.commandsSentAfter > 0) {
                LoadResults.single(ctx.rows, "e2e.ExpiryStorm.allRevokeCommandsSent", params, storm.commandsSentAfter, "s");
            }
            if (size == 100_000) {
                LoadResults.single(ctx.rows, "e2e.ExpiryStorm.secondsFor100000Grants", storm.finished()
                        ? "measured=100000" : "unfinishedAfter=" + wait.toSeconds(), storm.seconds, "s");
                ctx.note("ExpiryStorm.secondsFor100000Grants", storm.describe("batched through lifecycle's expiry "
                        + "sweep (REVOKE_GRANTS)") + String.format(Locale.ROOT, "; %.0f grants/s against %.1f grants/s "
                        + "one grant per command in the same run (%.0f×)", storm.rate(), baselineRate,
                        baselineRate > 0 ? storm.rate() / baselineRate : Double.NaN));
            }
            if (!storm.finished() && size < 100_000) {
                ctx.note("ExpiryStorm.secondsFor100000Grants", "not measured: the " + String.format(Locale.ROOT, "%,d",
                        size) + " storm did not finish, so the larger ones were skipped: " + storm.describe("batched"));
                return;
            }
        }
    }

    /** What one storm gave: grants expired, seconds until the last, the samples' deny, the live grant's fate. */
    private record Storm(int size, long expired, double seconds, double commandsSentAfter, double sampledDeniedAfter,
                         long sampledDenied, LiveSession live, Duration waited) {

        boolean finished() {
            return expired >= size;
        }

        double rate() {
            return expired / seconds;
        }

        String describe(String how) {
            return (finished()
                    ? String.format(Locale.ROOT, "all %,d grants expired by the broker in %.1f s", size, seconds)
                    : String.format(Locale.ROOT, "only %,d of %,d grants expired within the %d s wait", expired, size,
                    waited.toSeconds()))
                    + " (" + how + ")"
                    + "; " + sampledDenied + " of " + SAMPLED + " sampled sessions denied in place at the end"
                    + "; " + live.describe();
        }
    }

    private static Storm storm(Context ctx, String name, int size, Duration wait, boolean oneByOne) throws Exception {
        String prefix = "grt_" + name + ctx.run + "x";
        List<Databases.SeededGrant> grants = grants(prefix, size, name);
        Instant now = Instant.now();
        ctx.db.seedBrokerGrants(grants, now, now.plusSeconds(3600));
        if (!oneByOne) {
            ctx.db.seedSchedule(grants, now.plusSeconds(3600));
        }
        Databases.SeededGrant live = new Databases.SeededGrant("grt_live" + name + ctx.run, "live-" + name + "@example.com",
                "reports-read", LocalStack.REPORTS_ROLE);
        ctx.db.seedBrokerGrants(List.of(live), now, now.plusSeconds(3600));
        ctx.db.seedSchedule(List.of(live), now.plusSeconds(3600));
        List<AwsSessionCredentials> sample = new ArrayList<>();
        for (int i = 0; i < size; i += Math.max(1, size / SAMPLED)) {
            sample.add(ctx.aws.assumeRole(grants.get(i).roleArn(), grants.get(i).identity(), grants.get(i).id()));
            ctx.db.sessionIssued(grants.get(i).id());
        }
        AwsSessionCredentials liveSession = ctx.aws.assumeRole(live.roleArn(), live.identity(), live.id());
        ctx.db.sessionIssued(live.id());
        System.out.printf("   storm %s: %,d grants seeded%n", name, size);

        long t0 = System.nanoTime();
        if (oneByOne) {
            ctx.db.queueOneByOneRevocations(grants, "/lifecycle-service", "lifecycle-service");
        } else {
            ctx.db.update("lifecycle", "update grant_schedule set ends_at = now() where grant_id like ?", prefix + "%");
        }
        LiveSession liveChecks = new LiveSession(t0);
        long deadline = t0 + wait.toNanos();
        long sent = -1;
        long allDenied = -1;
        long done = -1;
        long expired = 0;
        while (System.nanoTime() < deadline && done < 0) {
            Thread.sleep(250);
            long at = System.nanoTime();
            if (!oneByOne && sent < 0 && count(ctx, "lifecycle", "select count(*) from grant_schedule where grant_id like ? "
                    + "and status <> 'ACTIVE'", prefix) >= size) {
                sent = at;
            }
            if (allDenied < 0 && sample.stream().allMatch(s -> ctx.aws.deniedExplicitly(s, LocalStack.REPORTS_ROLE))) {
                allDenied = at;
            }
            liveChecks.check(ctx.aws.deniedExplicitly(liveSession, LocalStack.REPORTS_ROLE), at);
            expired = count(ctx, "broker", "select count(*) from access_grant where id like ? and status = 'EXPIRED'", prefix);
            if (expired >= size) {
                done = at;
            }
        }
        double seconds = ((done < 0 ? System.nanoTime() : done) - t0) / 1e9;
        long denied = sample.stream().filter(s -> ctx.aws.deniedExplicitly(s, LocalStack.REPORTS_ROLE)).count();
        liveChecks.end(ctx.aws.works(liveSession) && !ctx.aws.deniedExplicitly(liveSession, LocalStack.REPORTS_ROLE));
        System.out.printf(Locale.ROOT, "   storm %s: %,d of %,d expired in %.1f s%n", name, expired, size, seconds);
        return new Storm(size, expired, seconds, sent < 0 ? -1 : (sent - t0) / 1e9,
                allDenied < 0 ? -1 : (allDenied - t0) / 1e9, denied, liveChecks, wait);
    }

    /** The live grant's session, polled during the storm: how often and from when it was denied, and at the end. */
    private static final class LiveSession {

        private final long t0;
        private int polls;
        private int denied;
        private long firstDenied = -1;
        private long lastDenied = -1;
        private boolean worksAtEnd;

        LiveSession(long t0) {
            this.t0 = t0;
        }

        void check(boolean deniedNow, long at) {
            polls++;
            if (deniedNow) {
                denied++;
                firstDenied = firstDenied < 0 ? at : firstDenied;
                lastDenied = at;
            }
        }

        void end(boolean works) {
            worksAtEnd = works;
        }

        String describe() {
            String during = denied == 0
                    ? "a live grant's session on the same role was never denied during the storm (" + polls + " checks)"
                    : String.format(Locale.ROOT, "a live grant's session on the same role was denied in %d of %d checks "
                    + "during the storm (%.1f s to %.1f s after the trigger: the broker's deny-all fallback when the "
                    + "list of live grants to spare outgrows the role's inline policy quota)", denied, polls,
                    (firstDenied - t0) / 1e9, (lastDenied - t0) / 1e9);
            return during + (worksAtEnd ? ", and works at the end" : ", and is STILL DENIED at the end");
        }
    }

    private static List<Databases.SeededGrant> grants(String prefix, int size, String who) {
        List<Databases.SeededGrant> grants = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            grants.add(new Databases.SeededGrant(prefix + i, who + "-" + (i % 500) + "@example.com", "reports-read",
                    LocalStack.REPORTS_ROLE));
        }
        return grants;
    }

    private static long count(Context ctx, String database, String sql, String prefix) {
        try {
            return ctx.db.count(database, sql, prefix + "%");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

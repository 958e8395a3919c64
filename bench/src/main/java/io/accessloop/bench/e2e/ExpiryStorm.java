package io.accessloop.bench.e2e;

import io.accessloop.bench.load.LoadResults;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Many grants reaching their end at once. Grants are seeded straight into the broker's {@code access_grant} and
 * lifecycle's {@code grant_schedule} (their Flyway schemas), all ending in the future; the trigger is one update
 * setting every end to now. Two measurements:
 * <ul>
 *   <li>the storm end to end: until the broker has expired every grant (deny written and verified per grant), with
 *   a few sample sessions checked for the deny; bounded by a wait, then the rate projects the 100,000 figure;</li>
 *   <li>the expiry pipeline without AWS at 1k → 10k (→ 100k in --full): lifecycle's sweep sending every revoke
 *   command, and the broker consuming them (grants the broker does not hold, so each command is a no-op there).</li>
 * </ul>
 */
final class ExpiryStorm {

    private ExpiryStorm() {
    }

    static void run(Context ctx) throws Exception {
        pipeline(ctx, 1_000);
        pipeline(ctx, 10_000);
        if (ctx.full) {
            pipeline(ctx, 100_000);
        }
        storm(ctx, ctx.full ? 100_000 : 1_000, Duration.ofSeconds(ctx.full ? 1800 : 120));
    }

    private static void storm(Context ctx, int size, Duration wait) throws Exception {
        String prefix = "grt_storm" + ctx.run + "x";
        List<Databases.SeededGrant> grants = grants(prefix, size, "storm");
        Instant now = Instant.now();
        ctx.db.seedBrokerGrants(grants, now, now.plusSeconds(3600));
        ctx.db.seedSchedule(grants, now.plusSeconds(3600));
        List<AwsSessionCredentials> sample = new ArrayList<>();
        for (int i = 0; i < size; i += Math.max(1, size / 10)) {
            sample.add(ctx.aws.assumeRole(grants.get(i).roleArn(), grants.get(i).identity(), grants.get(i).id()));
        }
        long t0 = System.nanoTime();
        ctx.db.update("lifecycle", "update grant_schedule set ends_at = now() where grant_id like ?", prefix + "%");
        long deadline = t0 + wait.toNanos();
        long sent = -1;
        long allDenied = -1;
        long done = -1;
        long expired = 0;
        while (System.nanoTime() < deadline && done < 0) {
            Thread.sleep(500);
            long at = System.nanoTime();
            if (sent < 0 && count(ctx, "lifecycle", "select count(*) from grant_schedule where grant_id like ? "
                    + "and status <> 'ACTIVE'", prefix) >= size) {
                sent = at;
            }
            if (allDenied < 0 && sample.stream().allMatch(s -> ctx.aws.deniedExplicitly(s, LocalStack.REPORTS_ROLE))) {
                allDenied = at;
            }
            expired = count(ctx, "broker", "select count(*) from access_grant where id like ? and status = 'EXPIRED'", prefix);
            if (expired >= size) {
                done = at;
            }
        }
        double seconds = ((done < 0 ? System.nanoTime() : done) - t0) / 1e9;
        long denied = sample.stream().filter(s -> ctx.aws.deniedExplicitly(s, LocalStack.REPORTS_ROLE)).count();
        if (allDenied > 0) {
            LoadResults.single(ctx.rows, "e2e.ExpiryStorm.sampledSessionsDenied", "grants=" + size + ", sampled=" + sample.size(),
                    (allDenied - t0) / 1e9, "s");
        }
        double rate = expired / seconds;
        String params = "grants=" + size;
        if (sent > 0) {
            LoadResults.single(ctx.rows, "e2e.ExpiryStorm.allRevokeCommandsSent", params, (sent - t0) / 1e9, "s");
        }
        Double single = ctx.figures.get("expiryToDenyP50");
        if (single != null && single > 0) {
            LoadResults.single(ctx.rows, "e2e.ExpiryStorm.baselineOneGrantAtATime", "from=expiryToDenyP50",
                    1000 / single, "grants/s");
        }
        LoadResults.single(ctx.rows, "e2e.ExpiryStorm.grantsExpiredPerSecond", params, rate, "grants/s");
        double projected = done >= 0 && size >= 100_000 ? seconds : 100_000 / rate;
        LoadResults.single(ctx.rows, "e2e.ExpiryStorm.secondsFor100000Grants",
                done >= 0 && size >= 100_000 ? "measured=100000" : "projectedFrom=" + expired, projected, "s");
        ctx.note("ExpiryStorm.secondsFor100000Grants", (done >= 0
                ? "all " + size + " grants expired by the broker in " + String.format("%.1f", seconds) + " s"
                : "only " + expired + " of " + size + " grants expired within the " + wait.toSeconds() + " s wait")
                + (size >= 100_000 && done >= 0 ? " (measured directly)" : "; the 100,000 figure is projected at that rate ("
                + String.format("%.0f", rate) + " grants/s), not measured")
                + "; " + denied + " of " + sample.size() + " sampled sessions denied in place at the end"
                + "; the broker revokes one grant per command (lock role row, rewrite its deny policy, verify with a probe session)");
    }

    private static void pipeline(Context ctx, int size) throws Exception {
        String prefix = "grt_pipe" + ctx.run + "n" + size + "x";
        ctx.db.seedSchedule(grants(prefix, size, "pipeline"), Instant.now().plusSeconds(3600));
        long consumedBefore = count(ctx, "broker", "select count(*) from inbox_event where consumer = ?", "broker-commands");
        long t0 = System.nanoTime();
        ctx.db.update("lifecycle", "update grant_schedule set ends_at = now() where grant_id like ?", prefix + "%");
        Duration wait = Duration.ofSeconds(Math.max(60, size / 50));
        long sent = Poll.until(() -> count(ctx, "lifecycle", "select count(*) from grant_schedule where grant_id like ? "
                + "and status <> 'ACTIVE'", prefix) >= size, wait, 100);
        long consumed = Poll.until(() -> count(ctx, "broker", "select count(*) from inbox_event where consumer = ?",
                "broker-commands") >= consumedBefore + size, wait, 100);
        String params = "size=" + size;
        if (sent < 0 || consumed < 0) {
            ctx.note("ExpiryPipeline.size" + size, "not finished within " + wait.toSeconds() + " s");
            return;
        }
        LoadResults.single(ctx.rows, "scaling.ExpiryPipeline.revokeCommandsSent", params, (sent - t0) / 1e9, "s");
        LoadResults.single(ctx.rows, "scaling.ExpiryPipeline.revokeCommandsConsumed", params, (consumed - t0) / 1e9, "s");
    }

    private static List<Databases.SeededGrant> grants(String prefix, int size, String who) {
        List<Databases.SeededGrant> grants = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            grants.add(new Databases.SeededGrant(prefix + i, who + "-" + (i % 500) + "@example.com", "reports-read",
                    LocalStack.REPORTS_ROLE));
        }
        return grants;
    }

    private static long count(Context ctx, String database, String sql, String parameter) {
        try {
            return ctx.db.count(database, sql, parameter.endsWith("x") ? parameter + "%" : parameter);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

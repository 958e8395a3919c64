package io.accessloop.bench.e2e;

import io.accessloop.bench.load.LatencyRecorder;
import io.accessloop.bench.load.LoadResults;
import io.accessloop.bench.load.LoadRun;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Portal pages under 50 concurrent signed-in people: 50 sessions (10 each of the five demo logins) signed in
 * through Keycloak, each cycling through the main pages its role may see. Judged: each person pauses a random think
 * time of {@value #THINK_MIN_MS}–{@value #THINK_MAX_MS} ms after each page, as people do. Also measured: the same
 * 50 sessions with no think time (a saturation test: 50 requests always in flight, run first, so that the judged
 * figure is measured on services whose page paths are compiled), and its baseline, the portal's static stylesheet
 * with the same threads on the same server.
 */
final class PortalLoad {

    static final List<String> PAGES = List.of("/access", "/request", "/approvals", "/drift", "/audit");
    private static final int USERS = 50;
    static final long THINK_MIN_MS = 500;
    static final long THINK_MAX_MS = 1_500;

    private PortalLoad() {
    }

    static void run(Context ctx) throws Exception {
        List<String> names = List.of("alice", "bob", "carol", "dave", "erin");
        List<PortalSession> sessions = new ArrayList<>();
        List<List<String>> pagesOf = new ArrayList<>();
        ExecutorService signIns = Executors.newFixedThreadPool(10);
        List<Future<PortalSession>> signedIn = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            String user = names.get(i % names.size());
            signedIn.add(signIns.submit(() -> PortalSession.signIn(ctx.http, ctx.stack.portal(), user,
                    Tokens.PASSWORDS.get(user))));
        }
        for (int i = 0; i < USERS; i++) {
            sessions.add(signedIn.get(i).get());
        }
        signIns.shutdown();
        for (int i = 0; i < names.size(); i++) {
            PortalSession session = sessions.get(i);
            List<String> visible = PAGES.stream().filter(page -> session.get(page) == 200).toList();
            if (visible.isEmpty()) {
                throw new IllegalStateException(names.get(i) + " sees none of " + PAGES);
            }
            pagesOf.add(visible);
        }
        for (int i = names.size(); i < USERS; i++) {
            pagesOf.add(pagesOf.get(i % names.size()));
        }
        Duration measure = Duration.ofSeconds(ctx.full ? 30 : 5);
        AtomicInteger next = new AtomicInteger();
        ThreadLocal<Integer> mine = ThreadLocal.withInitial(next::getAndIncrement);
        ThreadLocal<int[]> step = ThreadLocal.withInitial(() -> new int[1]);
        BooleanSupplier page = () -> {
            int s = mine.get() % USERS;
            List<String> visible = pagesOf.get(s);
            return sessions.get(s).get(visible.get(step.get()[0]++ % visible.size())) == 200;
        };
        // saturation first: its load compiles the pages' paths in every service, so the judged think-time figure is
        // the steady state of a running portal, not the JIT warm-up of a freshly started one
        LatencyRecorder.Summary saturation = LoadRun.run(page, USERS, Duration.ofSeconds(2), measure);
        LatencyRecorder.Summary thinking = LoadRun.run(page, USERS, Duration.ofSeconds(3),
                Duration.ofSeconds(ctx.full ? 60 : 10),
                () -> ThreadLocalRandom.current().nextLong(THINK_MIN_MS, THINK_MAX_MS + 1));
        LatencyRecorder.Summary asset = LoadRun.run(() -> sessions.get(mine.get() % USERS).get("/static/portal.css") == 200,
                USERS, Duration.ofSeconds(2), measure);
        String params = "users=" + USERS;
        LoadResults.add(ctx.rows, "e2e.PortalLoad.baselineStaticAsset", params, asset);
        LoadResults.add(ctx.rows, "e2e.PortalLoad.saturationPages", params, saturation);
        LoadResults.add(ctx.rows, "e2e.PortalLoad.thinkTimePages", params + ", thinkMs=" + THINK_MIN_MS + "-"
                + THINK_MAX_MS, thinking);
        ctx.note("PortalLoad.thinkTimePagesP99", String.format(Locale.ROOT, "%d signed-in sessions, each pausing a "
                        + "random %d–%d ms think time after every page (uniform); %.1f pages/s%s", USERS, THINK_MIN_MS,
                THINK_MAX_MS, thinking.perSecond(), thinking.failures() > 0
                        ? "; " + thinking.failures() + " page loads did not answer 200" : ""));
        ctx.note("PortalLoad.saturationPagesP99", String.format(Locale.ROOT, "saturation, not 50 users: the same %d "
                        + "sessions with no think time, so %d page loads are always in flight; %.1f pages/s%s", USERS,
                USERS, saturation.perSecond(), saturation.failures() > 0
                        ? "; " + saturation.failures() + " page loads did not answer 200" : ""));
    }
}

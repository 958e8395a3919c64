package io.accessloop.bench.e2e;

import io.accessloop.bench.load.LatencyRecorder;
import io.accessloop.bench.load.LoadResults;
import io.accessloop.bench.load.LoadRun;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Portal pages under 50 concurrent signed-in people: 50 sessions (10 each of the five demo logins) signed in
 * through Keycloak, each cycling through the main pages its role may see, in a closed loop on 50 threads.
 * Baseline: the portal's static stylesheet, same threads, same server.
 */
final class PortalLoad {

    static final List<String> PAGES = List.of("/access", "/request", "/approvals", "/drift", "/audit");
    private static final int USERS = 50;

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
        Duration measure = Duration.ofSeconds(ctx.full ? 30 : 6);
        AtomicInteger next = new AtomicInteger();
        ThreadLocal<Integer> mine = ThreadLocal.withInitial(next::getAndIncrement);
        ThreadLocal<int[]> step = ThreadLocal.withInitial(() -> new int[1]);
        LatencyRecorder.Summary pages = LoadRun.run(() -> {
            int s = mine.get() % USERS;
            List<String> visible = pagesOf.get(s);
            return sessions.get(s).get(visible.get(step.get()[0]++ % visible.size())) == 200;
        }, USERS, Duration.ofSeconds(3), measure);
        LatencyRecorder.Summary asset = LoadRun.run(() -> sessions.get(mine.get() % USERS).get("/static/portal.css") == 200,
                USERS, Duration.ofSeconds(2), measure);
        String params = "users=" + USERS;
        LoadResults.add(ctx.rows, "e2e.PortalLoad.baselineStaticAsset", params, asset);
        LoadResults.add(ctx.rows, "e2e.PortalLoad.signedInPages", params, pages);
        if (pages.failures() > 0) {
            ctx.note("PortalLoad.signedInPagesP99", pages.failures() + " page loads did not answer 200");
        }
    }
}

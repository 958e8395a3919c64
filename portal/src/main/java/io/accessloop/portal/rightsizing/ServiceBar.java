package io.accessloop.portal.rightsizing;

import io.accessloop.portal.clients.drift.Proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One row of the granted-versus-used chart: per service, the distinct actions today's policies grant and the ones the
 * proposal keeps (used in the window, or exempt). Widths are in percent of the widest bar, for the server-drawn SVG.
 */
public record ServiceBar(String service, int granted, int kept, int grantedWidth, int keptWidth, int y) {

    static final int ROW_HEIGHT = 28;

    static List<ServiceBar> of(List<Proposal.Change> changes) {
        Map<String, Set<String>> granted = new TreeMap<>();
        Map<String, Set<String>> kept = new TreeMap<>();
        for (Proposal.Change change : changes) {
            PolicyActions.allowed(change.before()).forEach(a -> add(granted, a));
            PolicyActions.allowed(change.after()).forEach(a -> add(kept, a));
        }
        Set<String> services = new TreeSet<>(granted.keySet());
        services.addAll(kept.keySet());
        int widest = 1;
        for (String service : services) {
            widest = Math.max(widest, Math.max(count(granted, service), count(kept, service)));
        }
        List<ServiceBar> bars = new ArrayList<>();
        for (String service : services) {
            int g = count(granted, service);
            int k = count(kept, service);
            bars.add(new ServiceBar(service, g, k, g * 100 / widest, k * 100 / widest, bars.size() * ROW_HEIGHT));
        }
        return bars;
    }

    /** The SVG's height for {@code rows} bars. */
    static int height(int rows) {
        return Math.max(rows, 1) * ROW_HEIGHT;
    }

    private static void add(Map<String, Set<String>> byService, String action) {
        byService.computeIfAbsent(PolicyActions.service(action), s -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER))
                .add(action);
    }

    private static int count(Map<String, Set<String>> byService, String service) {
        return byService.getOrDefault(service, Set.of()).size();
    }
}

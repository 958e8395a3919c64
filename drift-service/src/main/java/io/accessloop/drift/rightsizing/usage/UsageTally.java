package io.accessloop.drift.rightsizing.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Folds observed calls into daily counts per principal, action and resource, so millions of events become a few
 * rows. Refused calls also keep their event (id, time) for the rollback watch. Not thread-safe.
 */
public final class UsageTally implements Consumer<ObservedCall> {

    private static final class Counter {
        long allowed;
        long denied;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
    }

    private final Map<UsageKey, Counter> counters = new HashMap<>();
    private final List<ObservedCall> deniedCalls = new ArrayList<>();

    @Override
    public void accept(ObservedCall call) {
        long seconds = call.time().getEpochSecond();
        UsageKey key = new UsageKey(call.principalArn(), call.action(),
                call.resource() == null ? UsageKey.ANY_RESOURCE : call.resource(),
                LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L)));
        Counter c = counters.computeIfAbsent(key, k -> new Counter());
        if (call.denied()) {
            c.denied++;
            deniedCalls.add(call);
        } else {
            c.allowed++;
        }
        c.first = Math.min(c.first, seconds);
        c.last = Math.max(c.last, seconds);
    }

    public int size() {
        return counters.size();
    }

    public boolean isEmpty() {
        return counters.isEmpty();
    }

    public Map<UsageKey, UsageCount> rows() {
        Map<UsageKey, UsageCount> out = new HashMap<>(counters.size() * 2);
        counters.forEach((k, c) -> out.put(k, new UsageCount(c.allowed, c.denied, Instant.ofEpochSecond(c.first),
                Instant.ofEpochSecond(c.last))));
        return out;
    }

    public List<ObservedCall> deniedCalls() {
        return List.copyOf(deniedCalls);
    }

    public void clear() {
        counters.clear();
        deniedCalls.clear();
    }
}

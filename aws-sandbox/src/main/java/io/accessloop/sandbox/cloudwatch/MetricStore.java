package io.accessloop.sandbox.cloudwatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Every datum put, oldest first, bounded (the oldest are dropped beyond the capacity). */
public final class MetricStore {

    private final int capacity;
    private final ArrayList<Datum> data = new ArrayList<>();

    public MetricStore(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void add(List<Datum> batch) {
        data.addAll(batch);
        if (data.size() > capacity) {
            data.subList(0, data.size() - capacity).clear();
        }
    }

    public synchronized List<Datum> find(Predicate<Datum> filter) {
        return data.stream().filter(filter).toList();
    }

    /** Data of one metric in {@code [start, end)}. */
    public List<Datum> of(MetricKey metric, Instant start, Instant end) {
        return find(d -> d.metric().equals(metric) && !d.timestamp().isBefore(start) && d.timestamp().isBefore(end));
    }

    public synchronized void clear() {
        data.clear();
    }
}

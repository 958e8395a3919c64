package io.accessloop.sandbox.cloudtrail;

import io.accessloop.sandbox.core.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The event history (what LookupEvents searches), newest last, bounded in size; each record is also handed to
 * the log-file writer when one is configured.
 */
public final class TrailLog {

    private final int capacity;
    private final String accountId;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ArrayList<TrailEvent> events = new ArrayList<>();
    private long nextSequence = 1;
    private volatile Consumer<TrailEvent> sink = e -> { };

    public TrailLog(String accountId, int capacity) {
        this.accountId = accountId;
        this.capacity = capacity;
    }

    public void sink(Consumer<TrailEvent> sink) {
        this.sink = sink;
    }

    public TrailEvent record(TrailCall call) {
        String eventId = TrailRecords.newEventId();
        var record = TrailRecords.record(call, eventId, accountId);
        String json = Json.write(record);
        TrailEvent event;
        lock.writeLock().lock();
        try {
            event = new TrailEvent(nextSequence++, eventId, call.eventName(),
                    TrailRecords.eventSource(call.service()), call.time(), call.readOnly(),
                    TrailRecords.username(call.caller()), call.caller().accessKeyId(), call.region(),
                    call.resources(), json);
            events.add(event);
            if (events.size() > capacity) {
                events.subList(0, events.size() - capacity).clear();
            }
        } finally {
            lock.writeLock().unlock();
        }
        sink.accept(event);
        return event;
    }

    /** Newest first: events with a sequence below {@code beforeSequence} that match, at most {@code limit + 1}. */
    public List<TrailEvent> newestFirst(long beforeSequence, Predicate<TrailEvent> filter, int limit) {
        List<TrailEvent> out = new ArrayList<>();
        lock.readLock().lock();
        try {
            for (int i = events.size() - 1; i >= 0 && out.size() <= limit; i--) {
                TrailEvent e = events.get(i);
                if (e.sequence() < beforeSequence && filter.test(e)) {
                    out.add(e);
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return out;
    }

    public List<TrailEvent> all() {
        lock.readLock().lock();
        try {
            return List.copyOf(events);
        } finally {
            lock.readLock().unlock();
        }
    }

    public void clear() {
        lock.writeLock().lock();
        try {
            events.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }
}

package io.accessloop.kit.outbox;

import io.smallrye.mutiny.Uni;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Sends a batch of events with many sends awaiting the broker at once, but never two of the same subject: an event
 * is sent only after the previous one of its subject was accepted, so each subject reaches the broker in append
 * order however the connector interleaves concurrent sends. A refused (or timed-out) send stops its subject for this
 * batch: that event and every later one of the subject stay unsent, while other subjects go on. Among subjects ready
 * to send, the one whose next event is oldest goes first, so a backlog drains roughly in append order.
 * <p>The batch opens with its oldest event alone and widens to {@code maxInFlight} once the broker accepted one.
 * A pass that starts while the broker is unreachable thus has a single send waiting in the AMQP connector's
 * reconnect loop, as the one-at-a-time relay had: several sends caught in a reconnect are retried by the connector
 * concurrently and may reach the broker twice (harmless to consumers, who deduplicate, but avoidable here).
 * <p>When as many sends in a row as may be in flight were refused with no acceptance between them, the broker is
 * taken to be unavailable (down, or not settling anything): no further subject is started and the rest of the batch
 * is left for the next pass, so an outage costs a pass about one send timeout, not one per subject. With one send
 * in flight this is the old relay's rule: the pass stops at the first refusal.
 * <p>One instance runs one batch; completions may arrive on any thread.
 */
final class SubjectOrderedSends {

    private final Function<PendingEvent, Uni<Void>> send;
    private final int maxInFlight;
    private final Map<String, ArrayDeque<PendingEvent>> waitingBySubject = new HashMap<>();
    private final PriorityQueue<ArrayDeque<PendingEvent>> ready =
            new PriorityQueue<>(Comparator.comparingLong(queue -> queue.peekFirst().id()));
    private final List<Long> accepted = new ArrayList<>();
    private final List<Refusal> refused = new ArrayList<>();
    private final AtomicInteger drainers = new AtomicInteger();
    private int inFlight;
    private int peakInFlight;
    private int heldBack;
    private int refusalsInARow;
    private int notTried;
    private Runnable whenDone;
    private boolean done;

    private SubjectOrderedSends(Function<PendingEvent, Uni<Void>> send, int maxInFlight) {
        this.send = send;
        this.maxInFlight = maxInFlight;
    }

    /**
     * Sends {@code events} (in append order) with at most {@code maxInFlight} sends unsettled at once; the result
     * never fails: refusals are reported in it.
     */
    static Uni<Outcome> send(List<PendingEvent> events, int maxInFlight,
                             Function<PendingEvent, Uni<Void>> send) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
        return Uni.createFrom().emitter(emitter -> {
            SubjectOrderedSends batch = new SubjectOrderedSends(send, maxInFlight);
            batch.start(events, () -> emitter.complete(batch.outcome()));
        });
    }

    private void start(List<PendingEvent> events, Runnable onDone) {
        synchronized (this) {
            whenDone = onDone;
            for (PendingEvent event : events) {
                waitingBySubject.computeIfAbsent(event.orderKey(), key -> new ArrayDeque<>()).addLast(event);
            }
            ready.addAll(waitingBySubject.values());
        }
        drain();
    }

    /** Starts what may start; re-entrant calls (a send that settles at once) are folded into the running loop. */
    private void drain() {
        if (drainers.getAndIncrement() != 0) {
            return;
        }
        do {
            List<PendingEvent> starting = new ArrayList<>();
            Runnable finished = null;
            synchronized (this) {
                if (refusalsInARow >= maxInFlight) {
                    giveUpOnTheRest();
                }
                int window = accepted.isEmpty() ? 1 : maxInFlight;
                while (inFlight < window && !ready.isEmpty()) {
                    starting.add(ready.poll().peekFirst());
                    inFlight++;
                }
                peakInFlight = Math.max(peakInFlight, inFlight);
                if (inFlight == 0 && ready.isEmpty() && !done) {
                    done = true;
                    finished = whenDone;
                }
            }
            for (PendingEvent event : starting) {
                startSend(event);
            }
            if (finished != null) {
                finished.run();
            }
        } while (drainers.decrementAndGet() != 0);
    }

    private void startSend(PendingEvent event) {
        Uni<Void> sending;
        try {
            sending = send.apply(event);
        } catch (RuntimeException e) {
            sending = Uni.createFrom().failure(e);
        }
        sending.subscribe().with(ok -> settled(event, null), failure -> settled(event, failure));
    }

    private void settled(PendingEvent event, Throwable failure) {
        synchronized (this) {
            inFlight--;
            ArrayDeque<PendingEvent> subject = waitingBySubject.get(event.orderKey());
            subject.pollFirst();
            if (failure == null) {
                refusalsInARow = 0;
                accepted.add(event.id());
                if (!subject.isEmpty()) {
                    ready.add(subject);
                }
            } else {
                refusalsInARow++;
                refused.add(new Refusal(event.id(), event.orderKey(), describe(failure)));
                heldBack += subject.size();
                subject.clear();
            }
        }
        drain();
    }

    /** Called with the lock held: the subjects not started yet wait for the next pass. */
    private void giveUpOnTheRest() {
        for (ArrayDeque<PendingEvent> subject : ready) {
            notTried += subject.size();
            subject.clear();
        }
        ready.clear();
    }

    private synchronized Outcome outcome() {
        return new Outcome(List.copyOf(accepted), List.copyOf(refused), heldBack, notTried, peakInFlight);
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getName() : message;
    }

    /**
     * What one batch did: accepted event row ids (in acceptance order), refusals, rows held back behind a refusal of
     * their subject, rows not tried because the broker refused everything, and the most sends in flight at once.
     */
    record Outcome(List<Long> accepted, List<Refusal> refused, int heldBack, int notTried, int peakInFlight) {
    }

    /** A send the broker refused or did not settle in time; its subject waits for the next pass. */
    record Refusal(long id, String subject, String error) {
    }
}

package io.accessloop.kit.outbox;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The relay's send discipline against a broker whose acceptances the test hands out in any order it likes. */
class SubjectOrderedSendsTest {

    @Test
    void sendsOfDifferentSubjectsOverlapWhileOneSubjectWaitsForItsPreviousAcceptance() {
        List<PendingEvent> events = events("a", "b", "a", "c", "b", "a");
        ControlledBroker broker = new ControlledBroker();

        AtomicReference<SubjectOrderedSends.Outcome> outcome = run(events, 8, broker);

        // the oldest event opens the batch alone; once accepted, the first waiting event of each subject goes out
        assertThat(broker.unsettledIds()).containsExactly(1L);
        broker.accept(1);
        assertThat(broker.unsettledIds()).containsExactly(2L, 3L, 4L);
        broker.accept(2);
        assertThat(broker.unsettledIds()).containsExactly(3L, 4L, 5L);
        broker.acceptAllInTurn();

        assertThat(outcome.get().accepted()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(outcome.get().peakInFlight()).isEqualTo(3);
        assertThat(outcome.get().refused()).isEmpty();
    }

    @Test
    void neverMoreSendsInFlightThanTheLimit() {
        List<PendingEvent> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(event(i + 1, "s" + (i % 10)));
        }
        ControlledBroker broker = new ControlledBroker();

        AtomicReference<SubjectOrderedSends.Outcome> outcome = run(events, 4, broker);

        assertThat(broker.unsettledIds()).containsExactly(1L);
        broker.accept(1);
        assertThat(broker.unsettledIds()).hasSize(4);
        broker.acceptAllInTurn();
        assertThat(broker.mostUnsettled()).isEqualTo(4);
        assertThat(outcome.get().accepted()).hasSize(40);
        assertThat(outcome.get().peakInFlight()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1234, 99_999})
    void eachSubjectIsSentInAppendOrderWhateverOrderTheBrokerSettlesIn(long seed) {
        Random random = new Random(seed);
        List<PendingEvent> events = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            events.add(event(i + 1, "s" + random.nextInt(37)));
        }
        ControlledBroker broker = new ControlledBroker();

        AtomicReference<SubjectOrderedSends.Outcome> outcome = run(events, 1 + random.nextInt(64), broker);
        while (!broker.unsettledIds().isEmpty()) {
            List<Long> unsettled = broker.unsettledIds();
            broker.accept(unsettled.get(random.nextInt(unsettled.size())));
        }

        assertThat(outcome.get().accepted()).hasSize(500);
        assertThat(broker.startedBySubject()).isEqualTo(appendOrderBySubject(events));
        assertThat(broker.sameSubjectEverInFlightTogether()).isFalse();
    }

    @Test
    void aRefusalHoldsBackOnlyTheRestOfItsSubject() {
        List<PendingEvent> events = events("a", "b", "a", "b", "a", "c");
        ControlledBroker broker = new ControlledBroker();

        AtomicReference<SubjectOrderedSends.Outcome> outcome = run(events, 8, broker);
        broker.accept(1);                      // a#1
        broker.refuse(3, "AMQ219999: nope");   // a#2 refused: a#3 (id 5) must not go out
        broker.acceptAllInTurn();

        assertThat(broker.startedIds()).doesNotContain(5L);
        assertThat(outcome.get().accepted()).containsExactlyInAnyOrder(1L, 2L, 4L, 6L);
        assertThat(outcome.get().refused()).containsExactly(new SubjectOrderedSends.Refusal(3, "a", "AMQ219999: nope"));
        assertThat(outcome.get().heldBack()).isEqualTo(1);
    }

    @Test
    void theOldestEventOpensTheBatchAloneSoAnUnreachableBrokerHoldsOneSend() {
        List<PendingEvent> events = events("a", "b", "c", "d");
        ControlledBroker broker = new ControlledBroker();

        AtomicReference<SubjectOrderedSends.Outcome> outcome = run(events, 64, broker);

        assertThat(broker.unsettledIds()).containsExactly(1L);
        broker.accept(1);
        assertThat(broker.unsettledIds()).containsExactly(2L, 3L, 4L);
        broker.acceptAllInTurn();
        assertThat(outcome.get().accepted()).hasSize(4);
    }

    @Test
    void aBrokerThatRefusesEverythingEndsThePassAfterAsManyRefusalsAsMayBeInFlight() {
        List<PendingEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(event(i + 1, "s" + i));
        }
        ControlledBroker broker = new ControlledBroker();

        AtomicReference<SubjectOrderedSends.Outcome> outcome = run(events, 3, broker);
        while (!broker.unsettledIds().isEmpty()) {
            broker.refuse(broker.unsettledIds().get(0), "connection refused");
        }

        // nothing accepted yet, so one send at a time; the third refusal in a row (the limit) ends the batch
        assertThat(broker.startedIds()).containsExactly(1L, 2L, 3L);
        assertThat(outcome.get().refused()).hasSize(3);
        assertThat(outcome.get().notTried()).isEqualTo(7);
        assertThat(outcome.get().accepted()).isEmpty();
    }

    @Test
    void oneAcceptanceBetweenRefusalsKeepsThePassGoing() {
        List<PendingEvent> events = events("a", "b", "c", "d", "e");
        ControlledBroker broker = new ControlledBroker();

        AtomicReference<SubjectOrderedSends.Outcome> outcome = run(events, 2, broker);
        broker.refuse(1, "no");
        broker.accept(2);
        broker.refuse(3, "no");
        broker.acceptAllInTurn();

        assertThat(outcome.get().accepted()).containsExactlyInAnyOrder(2L, 4L, 5L);
        assertThat(outcome.get().notTried()).isZero();
    }

    @Test
    void oneSendAtATimeStopsAtTheFirstRefusalAsTheSequentialRelayDid() {
        List<PendingEvent> events = events("a", "b", "c");
        ControlledBroker broker = new ControlledBroker();

        AtomicReference<SubjectOrderedSends.Outcome> outcome = run(events, 1, broker);
        broker.accept(1);
        broker.refuse(2, "no");

        assertThat(broker.startedIds()).containsExactly(1L, 2L);
        assertThat(outcome.get().accepted()).containsExactly(1L);
        assertThat(outcome.get().notTried()).isEqualTo(1);
    }

    @Test
    void aSendThatFailsBeforeReachingTheBrokerCountsAsARefusal() {
        List<PendingEvent> events = events("a", "a", "b");

        SubjectOrderedSends.Outcome outcome = SubjectOrderedSends.send(events, 4, event -> {
            if (event.id() == 1) {
                throw new IllegalStateException("channel closed");
            }
            return Uni.createFrom().voidItem();
        }).await().indefinitely();

        assertThat(outcome.accepted()).containsExactly(3L);
        assertThat(outcome.refused()).extracting(SubjectOrderedSends.Refusal::error).containsExactly("channel closed");
        assertThat(outcome.heldBack()).isEqualTo(1);
    }

    @Test
    void sendsThatSettleAtOnceDoNotPileUpTheStack() {
        List<PendingEvent> events = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            events.add(event(i + 1, i % 2 == 0 ? "one" : "two"));
        }
        List<Long> sent = new ArrayList<>();

        SubjectOrderedSends.Outcome outcome = SubjectOrderedSends.send(events, 2, event -> {
            sent.add(event.id());
            return Uni.createFrom().voidItem();
        }).await().indefinitely();

        assertThat(outcome.accepted()).hasSize(20_000);
        assertThat(sent).isSorted();
    }

    @Test
    void rowsWithoutASubjectShareOneOrderedStream() {
        List<PendingEvent> events = List.of(event(1, ""), event(2, " "), event(3, null), event(4, "x"));
        ControlledBroker broker = new ControlledBroker();

        run(events, 8, broker);

        assertThat(broker.unsettledIds()).containsExactly(1L);
        broker.accept(1);
        assertThat(broker.unsettledIds()).containsExactly(2L, 4L);
        broker.accept(2);
        assertThat(broker.unsettledIds()).containsExactly(4L, 3L);
    }

    @Test
    void anEmptyBatchCompletesAtOnce() {
        SubjectOrderedSends.Outcome outcome = SubjectOrderedSends.send(List.of(), 4,
                event -> Uni.createFrom().voidItem()).await().indefinitely();

        assertThat(outcome.accepted()).isEmpty();
        assertThat(outcome.peakInFlight()).isZero();
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> SubjectOrderedSends.send(events("a"), 0, event -> Uni.createFrom().voidItem()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    private static AtomicReference<SubjectOrderedSends.Outcome> run(List<PendingEvent> events, int maxInFlight,
                                                                    ControlledBroker broker) {
        AtomicReference<SubjectOrderedSends.Outcome> outcome = new AtomicReference<>();
        SubjectOrderedSends.send(events, maxInFlight, broker).subscribe().with(outcome::set);
        return outcome;
    }

    private static List<PendingEvent> events(String... subjects) {
        List<PendingEvent> events = new ArrayList<>();
        for (int i = 0; i < subjects.length; i++) {
            events.add(event(i + 1, subjects[i]));
        }
        return events;
    }

    private static PendingEvent event(long id, String subject) {
        return new PendingEvent(id, "accessloop.access", subject, "{}", OffsetDateTime.parse("2026-12-05T08:00:00Z"));
    }

    private static Map<String, List<Long>> appendOrderBySubject(List<PendingEvent> events) {
        Map<String, List<Long>> bySubject = new HashMap<>();
        for (PendingEvent event : events) {
            bySubject.computeIfAbsent(event.orderKey(), key -> new ArrayList<>()).add(event.id());
        }
        return bySubject;
    }

    /** A broker that settles nothing until told to; remembers what was started and what overlapped. */
    private static final class ControlledBroker implements Function<PendingEvent, Uni<Void>> {

        private final Map<Long, CompletableFuture<Void>> unsettled = new LinkedHashMap<>();
        private final Map<Long, String> subjectOf = new HashMap<>();
        private final List<PendingEvent> started = new ArrayList<>();
        private int mostUnsettled;
        private boolean sameSubjectTogether;

        @Override
        public Uni<Void> apply(PendingEvent event) {
            Set<String> inFlight = new HashSet<>();
            unsettled.keySet().forEach(id -> inFlight.add(subjectOf.get(id)));
            sameSubjectTogether |= inFlight.contains(event.orderKey());
            CompletableFuture<Void> acceptance = new CompletableFuture<>();
            started.add(event);
            subjectOf.put(event.id(), event.orderKey());
            unsettled.put(event.id(), acceptance);
            mostUnsettled = Math.max(mostUnsettled, unsettled.size());
            return Uni.createFrom().completionStage(acceptance);
        }

        void accept(long id) {
            unsettled.remove(id).complete(null);
        }

        void refuse(long id, String error) {
            unsettled.remove(id).completeExceptionally(new IllegalStateException(error));
        }

        void acceptAllInTurn() {
            while (!unsettled.isEmpty()) {
                accept(unsettled.keySet().iterator().next());
            }
        }

        List<Long> unsettledIds() {
            return new ArrayList<>(unsettled.keySet());
        }

        List<Long> startedIds() {
            return started.stream().map(PendingEvent::id).toList();
        }

        int mostUnsettled() {
            return mostUnsettled;
        }

        boolean sameSubjectEverInFlightTogether() {
            return sameSubjectTogether;
        }

        Map<String, List<Long>> startedBySubject() {
            Map<String, List<Long>> bySubject = new HashMap<>();
            for (PendingEvent event : started) {
                bySubject.computeIfAbsent(event.orderKey(), key -> new ArrayList<>()).add(event.id());
            }
            return bySubject;
        }
    }
}

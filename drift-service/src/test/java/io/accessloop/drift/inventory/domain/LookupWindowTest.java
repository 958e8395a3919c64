package io.accessloop.drift.inventory.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LookupWindowTest {

    private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");
    private static final Duration SPAN = Duration.ofMinutes(15);

    private record Waiting(String id, Instant from, Instant to) {
        static Waiting at(String id, int fromMinute, int toMinute) {
            return new Waiting(id, T0.plusSeconds(60L * fromMinute), T0.plusSeconds(60L * toMinute));
        }
    }

    private static LookupWindow<Waiting> cover(List<Waiting> waiting, Instant now) {
        return LookupWindow.cover(waiting, Waiting::from, Waiting::to, SPAN, now);
    }

    @Test
    void oneWindowCoversEveryChangeThatStartsWithinTheSpan() {
        List<Waiting> waiting = List.of(Waiting.at("b", 3, 4), Waiting.at("a", 0, 1), Waiting.at("c", 14, 16));

        LookupWindow<Waiting> window = cover(waiting, T0.plusSeconds(3600));

        assertThat(window.from()).isEqualTo(T0);
        assertThat(window.to()).isEqualTo(T0.plusSeconds(16 * 60));
        assertThat(window.covered()).extracting(Waiting::id).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void changesBeyondTheSpanWaitForALaterWindow() {
        List<Waiting> waiting = List.of(Waiting.at("a", 0, 1), Waiting.at("late", 15, 16), Waiting.at("later", 40, 41));

        LookupWindow<Waiting> window = cover(waiting, T0.plusSeconds(3600));

        assertThat(window.covered()).extracting(Waiting::id).containsExactly("a");
        assertThat(window.to()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void theWindowNeverEndsInTheFuture() {
        LookupWindow<Waiting> window = cover(List.of(Waiting.at("a", 0, 10)), T0.plusSeconds(120));

        assertThat(window.to()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void aClockBehindTheChangesStillGivesAValidRange() {
        LookupWindow<Waiting> window = cover(List.of(Waiting.at("a", 5, 10)), T0);

        assertThat(window.from()).isEqualTo(T0.plusSeconds(300));
        assertThat(window.to()).isEqualTo(window.from());
    }

    @Test
    void nothingWaitingNeedsNoWindowAndASpanMustBePositive() {
        assertThat(cover(List.of(), T0)).isNull();
        assertThatThrownBy(() -> LookupWindow.cover(List.of(Waiting.at("a", 0, 1)), Waiting::from, Waiting::to,
                Duration.ZERO, T0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}

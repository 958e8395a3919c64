package io.accessloop.portal.clients;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PerPersonCacheTest {

    private final MovableClock clock = new MovableClock();
    private final AtomicInteger loads = new AtomicInteger();

    private String load(String answer) {
        loads.incrementAndGet();
        return answer;
    }

    @Test
    void theSameTokenGetsTheKeptAnswerUntilItsTimeIsUp() {
        PerPersonCache<String> cache = new PerPersonCache<>(clock, Duration.ofSeconds(30), 10);

        assertThat(cache.get("token-erin", () -> load("erin's catalog"))).isEqualTo("erin's catalog");
        clock.advance(Duration.ofSeconds(29));
        assertThat(cache.get("token-erin", () -> load("changed"))).isEqualTo("erin's catalog");
        assertThat(loads).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get("token-erin", () -> load("changed"))).isEqualTo("changed");
        assertThat(loads).hasValue(2);
    }

    @Test
    void anotherTokenNeverGetsSomeoneElsesAnswer() {
        PerPersonCache<String> cache = new PerPersonCache<>(clock, Duration.ofSeconds(30), 10);
        cache.get("token-erin", () -> load("erin's catalog"));

        assertThat(cache.get("token-adam", () -> load("adam's catalog"))).isEqualTo("adam's catalog");
        assertThat(cache.get("token-erin-refreshed", () -> load("erin again"))).isEqualTo("erin again");
        assertThat(cache.get("token-erin", () -> load("unused"))).isEqualTo("erin's catalog");
        assertThat(loads).hasValue(3);
    }

    @Test
    void zeroSecondsAsksEveryTimeAndKeepsNothing() {
        PerPersonCache<String> cache = new PerPersonCache<>(clock, Duration.ZERO, 10);

        cache.get("token-erin", () -> load("one"));
        assertThat(cache.get("token-erin", () -> load("two"))).isEqualTo("two");
        assertThat(loads).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aFailureIsNotKept() {
        PerPersonCache<String> cache = new PerPersonCache<>(clock, Duration.ofSeconds(30), 10);

        assertThatThrownBy(() -> cache.get("token-erin", () -> {
            throw new ServiceProblem(503, "The service could not answer", null, null);
        })).isInstanceOf(ServiceProblem.class);
        assertThat(cache.size()).isZero();
        assertThat(cache.get("token-erin", () -> load("answer"))).isEqualTo("answer");
    }

    @Test
    void itNeverHoldsMoreThanItsLimitAndStillAnswersCorrectly() {
        PerPersonCache<String> cache = new PerPersonCache<>(clock, Duration.ofSeconds(30), 3);
        for (int i = 0; i < 10; i++) {
            String person = "token-" + i;
            assertThat(cache.get(person, () -> load(person + "'s catalog"))).isEqualTo(person + "'s catalog");
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
        assertThat(cache.get("token-9", () -> load("reloaded"))).isEqualTo("token-9's catalog");
    }

    @Test
    void expiredAnswersMakeRoomBeforeFreshOnesAreDropped() {
        PerPersonCache<String> cache = new PerPersonCache<>(clock, Duration.ofSeconds(30), 2);
        cache.get("token-old", () -> load("old"));
        clock.advance(Duration.ofSeconds(20));
        cache.get("token-fresh", () -> load("fresh"));
        clock.advance(Duration.ofSeconds(15));

        cache.get("token-new", () -> load("new"));

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("token-fresh", () -> load("unused"))).isEqualTo("fresh");
    }

    @Test
    void badSettingsAndMissingTokensAreRefusedClearly() {
        assertThatThrownBy(() -> new PerPersonCache<String>(clock, Duration.ofSeconds(-1), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero or more");
        assertThatThrownBy(() -> new PerPersonCache<String>(clock, Duration.ofSeconds(30), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
        PerPersonCache<String> cache = new PerPersonCache<>(clock, Duration.ofSeconds(30), 10);
        assertThatThrownBy(() -> cache.get(null, () -> load("x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no access token");
        assertThatThrownBy(() -> cache.get("", () -> load("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(loads).hasValue(0);
        assertThat(cache.size()).isZero();
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-05T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

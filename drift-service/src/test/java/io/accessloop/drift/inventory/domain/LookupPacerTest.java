package io.accessloop.drift.inventory.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LookupPacerTest {

    private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");

    @Test
    void requestsOfOneAccountAreSpacedToTheRate() {
        LookupPacer pacer = new LookupPacer(2);

        assertThat(pacer.reserve("111111111111", T0)).isEqualTo(Duration.ZERO);
        assertThat(pacer.reserve("111111111111", T0)).isEqualTo(Duration.ofMillis(500));
        assertThat(pacer.reserve("111111111111", T0)).isEqualTo(Duration.ofMillis(1000));
        assertThat(pacer.reserve("111111111111", T0.plusMillis(1200))).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void accountsDoNotWaitForEachOther() {
        LookupPacer pacer = new LookupPacer(2);
        pacer.reserve("111111111111", T0);

        assertThat(pacer.reserve("222222222222", T0)).isEqualTo(Duration.ZERO);
    }

    @Test
    void aRequestAfterAQuietSpellDoesNotWait() {
        LookupPacer pacer = new LookupPacer(2);
        pacer.reserve("111111111111", T0);
        pacer.reserve("111111111111", T0);

        assertThat(pacer.reserve("111111111111", T0.plusSeconds(10))).isEqualTo(Duration.ZERO);
        assertThat(pacer.reserve("111111111111", T0.plusSeconds(10))).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aRateThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> new LookupPacer(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new LookupPacer(-2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LookupPacer(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LookupPacer(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

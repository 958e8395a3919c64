package io.accessloop.drift.findings.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FindingLifecycleTest {

    static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");
    static final Duration MAX = Duration.ofDays(365);

    @Test
    void anOpenFindingMayBeSuppressedWithAReasonUntilALaterTime() {
        assertThatCode(() -> FindingLifecycle.checkSuppression(FindingStatus.OPEN, "accepted risk", NOW.plusSeconds(60),
                NOW, MAX)).doesNotThrowAnyException();
        assertThatCode(() -> FindingLifecycle.checkSuppression(FindingStatus.SUPPRESSED, "extend",
                NOW.plusSeconds(60), NOW, MAX)).doesNotThrowAnyException();
    }

    @Test
    void suppressionsNeedAReasonAFutureEndWithinTheMaximumAndALiveFinding() {
        assertThatThrownBy(() -> FindingLifecycle.checkSuppression(FindingStatus.OPEN, " ", NOW.plusSeconds(60), NOW, MAX))
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> FindingLifecycle.checkSuppression(FindingStatus.OPEN, "x", NOW, NOW, MAX))
                .hasMessageContaining("future");
        assertThatThrownBy(() -> FindingLifecycle.checkSuppression(FindingStatus.OPEN, "x", null, NOW, MAX))
                .hasMessageContaining("until");
        assertThatThrownBy(() -> FindingLifecycle.checkSuppression(FindingStatus.OPEN, "x", NOW.plus(Duration.ofDays(400)),
                NOW, MAX)).hasMessageContaining("365");
        assertThatThrownBy(() -> FindingLifecycle.checkSuppression(FindingStatus.OPEN, "x".repeat(2001),
                NOW.plusSeconds(5), NOW, MAX)).hasMessageContaining("2000");
        assertThatThrownBy(() -> FindingLifecycle.checkSuppression(FindingStatus.RESOLVED, "x", NOW.plusSeconds(60), NOW,
                MAX)).isInstanceOfSatisfying(FindingLifecycle.FindingCommandException.class,
                e -> assertThat(e.kind()).isEqualTo("conflict"));
    }

    @Test
    void aSuppressionExpiresOnceItsEndHasPassed() {
        assertThat(FindingLifecycle.suppressionExpired(FindingStatus.SUPPRESSED, NOW, NOW)).isTrue();
        assertThat(FindingLifecycle.suppressionExpired(FindingStatus.SUPPRESSED, NOW.plusSeconds(1), NOW)).isFalse();
        assertThat(FindingLifecycle.suppressionExpired(FindingStatus.OPEN, NOW.minusSeconds(1), NOW)).isFalse();
    }
}

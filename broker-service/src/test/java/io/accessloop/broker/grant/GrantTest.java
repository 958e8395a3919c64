package io.accessloop.broker.grant;

import io.accessloop.broker.domain.RuleViolation;
import io.accessloop.broker.grant.domain.Grant;
import io.accessloop.broker.grant.domain.GrantStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrantTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private static Grant grant(boolean breakGlass) {
        return Grant.activate("grt_1", "req_1", "alice@example.com", "prod-readonly", "000000000000",
                "arn:aws:iam::000000000000:role/prod-readonly", null, Duration.ofHours(1), breakGlass, NOW);
    }

    @Test
    void theClockStartsAtActivationAndRunsOut() {
        Grant grant = grant(false);

        assertThat(grant.endsAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(grant.remaining(NOW.plusSeconds(600))).isEqualTo(Duration.ofMinutes(50));
        assertThat(grant.isUsable(NOW.plus(Duration.ofHours(1)))).isFalse();
        assertThat(grant.remaining(NOW.plus(Duration.ofHours(2)))).isZero();
    }

    @Test
    void anEndedGrantCannotBeEndedAgainOrExtended() {
        Grant grant = grant(false);
        grant.release("alice@example.com", NOW.plusSeconds(60));

        assertThat(grant.status()).isEqualTo(GrantStatus.RELEASED);
        assertThat(grant.remaining(NOW.plusSeconds(61))).isZero();
        assertThatThrownBy(() -> grant.revoke("sec@example.com", "x", NOW.plusSeconds(62)))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.slug()).isEqualTo("grant-not-active"));
        assertThatThrownBy(() -> grant.extendTo(NOW.plus(Duration.ofHours(3)), NOW.plusSeconds(62)))
                .isInstanceOf(RuleViolation.class);
        assertThat(grant.endedBy()).isEqualTo("alice@example.com");
    }

    @Test
    void extensionsKeepTheGrantActiveWithALaterEnd() {
        Grant grant = grant(false);

        Instant previous = grant.extendTo(NOW.plus(Duration.ofHours(2)), NOW.plusSeconds(10));

        assertThat(previous).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(grant.status()).isEqualTo(GrantStatus.ACTIVE);
        assertThat(grant.endsAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThatThrownBy(() -> grant.extendTo(NOW.plusSeconds(30), NOW.plusSeconds(20)))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void breakGlassReviewStaysOpenUntilSomeoneElseReviewsIt() {
        Grant grant = grant(true);
        grant.expire("lifecycle-service", NOW.plus(Duration.ofHours(1)));

        assertThat(grant.reviewPending()).isTrue();
        assertThatThrownBy(() -> grant.review("alice@example.com", "fine", NOW))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.slug()).isEqualTo("own-grant"));
        assertThat(grant.reviewPending()).isTrue();
        grant.review("lead@example.com", "justified", NOW.plus(Duration.ofHours(2)));
        assertThat(grant.reviewPending()).isFalse();
        assertThatThrownBy(() -> grant.review("other@example.com", null, NOW)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void ordinaryGrantsHaveNoReview() {
        assertThatThrownBy(() -> grant(false).review("lead@example.com", null, NOW))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.slug()).isEqualTo("no-review"));
    }
}

package io.accessloop.broker.credentials;

import io.accessloop.broker.credentials.domain.SessionDuration;
import io.accessloop.broker.credentials.domain.SessionNames;
import io.accessloop.broker.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

class SessionRulesTest {

    @Test
    void durationIsTheSmallestOfRemainingRoleMaximumAndTwelveHours() {
        assertThat(SessionDuration.of(Duration.ofHours(2), 3600)).isEqualTo(3600);
        assertThat(SessionDuration.of(Duration.ofMinutes(20), 43_200)).isEqualTo(1200);
        assertThat(SessionDuration.of(Duration.ofHours(20), 43_200)).isEqualTo(43_200);
        assertThat(SessionDuration.of(Duration.ofSeconds(900), 3600)).isEqualTo(900);
    }

    @Test
    void underFifteenMinutesNoCredentialsCanBeIssued() {
        assertThatThrownBy(() -> SessionDuration.of(Duration.ofSeconds(899), 3600))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.kind()).isEqualTo(RuleViolation.Kind.REFUSED);
                    assertThat(e.slug()).isEqualTo("session-too-short");
                    assertThat(e.getMessage()).contains("899 s left");
                });
    }

    @Test
    void sessionNamesKeepEmailsAndReplaceEverythingElse() {
        assertThat(SessionNames.of("alice.o'neil+ops@example.com")).isEqualTo("alice.o-neil+ops@example.com");
        assertThat(SessionNames.of("x")).hasSize(2);
        qt().forAll(strings().allPossible().ofLengthBetween(0, 200)).checkAssert(s -> {
            String name = SessionNames.of(s);
            assertThat(name).matches("[\\w+=,.@-]{2,64}");
        });
    }
}

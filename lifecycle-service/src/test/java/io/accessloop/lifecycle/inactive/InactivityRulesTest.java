package io.accessloop.lifecycle.inactive;

import io.accessloop.lifecycle.inactive.domain.InactivityAction;
import io.accessloop.lifecycle.inactive.domain.InactivityPolicy;
import io.accessloop.lifecycle.inactive.domain.InactivityRules;
import io.accessloop.lifecycle.inactive.domain.KeyActivity;
import io.accessloop.lifecycle.inactive.domain.UserActivity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InactivityRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");
    private static final InactivityPolicy POLICY = new InactivityPolicy(Duration.ofDays(90), Duration.ofDays(30),
            Duration.ofDays(90), Duration.ofDays(14));

    @Test
    void aUserUnusedForNinetyDaysIsDisabledAndOneUsedRecentlyIsNot() {
        UserActivity idle = user(days(91), null, List.of(key("AKIA1", true, days(200), days(91))), Map.of());
        assertThat(kinds(idle)).containsExactly(InactivityAction.Kind.DISABLE_USER);

        UserActivity signedIn = user(days(400), days(10), List.of(), Map.of());
        assertThat(kinds(signedIn)).isEmpty();
        UserActivity keyUsed = user(days(400), null, List.of(key("AKIA2", true, days(30), days(1))), Map.of());
        assertThat(kinds(keyUsed)).isEmpty();
    }

    @Test
    void aDisabledUserIsDeletedThirtyDaysLater() {
        assertThat(kinds(user(days(200), null, List.of(), Map.of(InactivityRules.DISABLED_AT_TAG, days(29).toString()))))
                .isEmpty();
        assertThat(kinds(user(days(200), null, List.of(), Map.of(InactivityRules.DISABLED_AT_TAG, days(30).toString()))))
                .containsExactly(InactivityAction.Kind.DELETE_USER);
    }

    @Test
    void anOldKeyGetsANoticeThenIsDeactivated() {
        KeyActivity old = key("AKIA3", true, days(100), days(1));
        assertThat(kinds(user(days(100), null, List.of(old), Map.of()))).containsExactly(InactivityAction.Kind.NOTIFY_KEY);
        assertThat(kinds(user(days(100), null, List.of(old),
                Map.of(InactivityRules.KEY_NOTICE_TAG_PREFIX + "AKIA3", days(13).toString())))).isEmpty();
        assertThat(kinds(user(days(100), null, List.of(old),
                Map.of(InactivityRules.KEY_NOTICE_TAG_PREFIX + "AKIA3", days(14).toString()))))
                .containsExactly(InactivityAction.Kind.DEACTIVATE_KEY);
        assertThat(kinds(user(days(100), null, List.of(key("AKIA4", false, days(100), days(1))), Map.of()))).isEmpty();
    }

    @Test
    void anExemptionProtectsUntilItExpires() {
        UserActivity idle = user(days(500), null, List.of(), Map.of(InactivityRules.EXEMPT_UNTIL_TAG, "2026-12-31"));
        assertThat(kinds(idle)).isEmpty();
        UserActivity expired = user(days(500), null, List.of(), Map.of(InactivityRules.EXEMPT_UNTIL_TAG, "2026-12-01"));
        assertThat(kinds(expired)).containsExactly(InactivityAction.Kind.DISABLE_USER);
        UserActivity unreadable = user(days(500), null, List.of(), Map.of(InactivityRules.EXEMPT_UNTIL_TAG, "forever"));
        assertThat(kinds(unreadable)).containsExactly(InactivityAction.Kind.DISABLE_USER);
    }

    private static List<InactivityAction.Kind> kinds(UserActivity user) {
        return InactivityRules.decide(user, NOW, POLICY).stream().map(InactivityAction::kind).toList();
    }

    private static UserActivity user(Instant created, Instant signedIn, List<KeyActivity> keys, Map<String, String> tags) {
        return new UserActivity("u", "arn:aws:iam::000000000000:user/u", created, signedIn, keys, tags);
    }

    private static KeyActivity key(String id, boolean active, Instant created, Instant lastUsed) {
        return new KeyActivity(id, active, created, lastUsed);
    }

    private static Instant days(int ago) {
        return NOW.minus(Duration.ofDays(ago));
    }
}

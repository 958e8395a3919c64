package io.accessloop.portal.overview.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActiveGrantSeriesTest {

    private static final Instant FROM = Instant.parse("2026-12-04T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-04T04:00:00Z");

    @Test
    void eachPointHoldsTheMostActiveAtOnceSinceThePointBefore() {
        List<GrantChange> changes = List.of(
                new GrantChange(Instant.parse("2026-12-04T00:30:00Z"), 1),
                new GrantChange(Instant.parse("2026-12-04T01:30:00Z"), 1),
                new GrantChange(Instant.parse("2026-12-04T02:30:00Z"), -1));

        List<ActiveGrantSeries.Point> points = ActiveGrantSeries.of(3, changes, FROM, TO, 5);

        assertThat(points).extracting(ActiveGrantSeries.Point::at).containsExactly(FROM,
                Instant.parse("2026-12-04T01:00:00Z"), Instant.parse("2026-12-04T02:00:00Z"),
                Instant.parse("2026-12-04T03:00:00Z"), TO);
        // active at 0:00 2, 1:00 3, 2:00 4, 2:30 on 3; the stretch 2:00-3:00 peaked at 4
        assertThat(points).extracting(ActiveGrantSeries.Point::active).containsExactly(2, 3, 4, 4, 3);
    }

    @Test
    void aChangeExactlyAtAPointCountsAsAlreadyHappened() {
        List<ActiveGrantSeries.Point> points = ActiveGrantSeries.of(1,
                List.of(new GrantChange(Instant.parse("2026-12-04T02:00:00Z"), 1)), FROM, TO, 3);

        assertThat(points).extracting(ActiveGrantSeries.Point::active).containsExactly(0, 1, 1);
    }

    @Test
    void aGrantShorterThanTheSpacingStillShows() {
        List<ActiveGrantSeries.Point> points = ActiveGrantSeries.of(0,
                List.of(new GrantChange(Instant.parse("2026-12-04T01:10:00Z"), 1),
                        new GrantChange(Instant.parse("2026-12-04T01:11:00Z"), -1)), FROM, TO, 5);

        assertThat(points).extracting(ActiveGrantSeries.Point::active).containsExactly(0, 0, 1, 0, 0);
    }

    @Test
    void endsWhoseStartTheWindowMissedNeverMakeTheCountNegative() {
        List<ActiveGrantSeries.Point> points = ActiveGrantSeries.of(0,
                List.of(new GrantChange(Instant.parse("2026-12-04T03:00:00Z"), 1),
                        new GrantChange(Instant.parse("2026-12-04T03:30:00Z"), 1)), FROM, TO, 2);

        assertThat(points).extracting(ActiveGrantSeries.Point::active).containsExactly(0, 0);
    }

    @Test
    void refusesWindowsAndCountsThatCannotBe() {
        assertThatThrownBy(() -> ActiveGrantSeries.of(-1, List.of(), FROM, TO, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> ActiveGrantSeries.of(1, List.of(), TO, FROM, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
        assertThatThrownBy(() -> ActiveGrantSeries.of(1, List.of(), FROM, TO, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two points");
        assertThatThrownBy(() -> new GrantChange(FROM, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GrantChange(null, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}

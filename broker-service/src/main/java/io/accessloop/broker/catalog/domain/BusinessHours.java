package io.accessloop.broker.catalog.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/** A weekly window, in a time zone, during which an entitlement may be approved automatically. */
public record BusinessHours(ZoneId zone, Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    public BusinessHours {
        days = Set.copyOf(days);
    }

    public boolean contains(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
    }

    @Override
    public String toString() {
        return days.size() + " days a week " + from + "–" + to + " " + zone;
    }
}

package io.accessloop.drift.inventory.service;

import io.accessloop.drift.inventory.domain.Attribution;
import io.accessloop.drift.inventory.domain.IamSnapshot;

/**
 * What recording a snapshot did. {@code STALE}: older than what the inventory holds, ignored. {@code UNCHANGED}:
 * same configuration, only the capture time moved. {@code CHANGED}: a new version (or the first sight).
 */
public record Recorded(Outcome outcome, IamSnapshot previous, IamSnapshot current, Attribution attribution,
                       boolean managed) {

    public enum Outcome { STALE, UNCHANGED, CHANGED }

    public boolean changed() {
        return outcome == Outcome.CHANGED;
    }
}

package io.accessloop.lifecycle.offboarding.service;

import io.accessloop.lifecycle.offboarding.domain.UserChange;

import java.util.List;

/**
 * What the blocking part of a step did ({@code detail}), the IAM user changes among it (published as events when the
 * step commits) and, for verification, what it still found.
 */
record StepOutcome(List<String> detail, List<String> remaining, List<UserChange> changes) {

    StepOutcome(List<String> detail, List<String> remaining) {
        this(detail, remaining, List.of());
    }

    static StepOutcome of(List<String> detail) {
        return new StepOutcome(List.copyOf(detail), List.of());
    }

    static StepOutcome ofChanges(List<UserChange> changes, List<String> detail) {
        return new StepOutcome(List.copyOf(detail), List.of(), List.copyOf(changes));
    }
}

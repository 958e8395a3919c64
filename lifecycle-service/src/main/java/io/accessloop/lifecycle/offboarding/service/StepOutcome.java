package io.accessloop.lifecycle.offboarding.service;

import java.util.List;

/** What the blocking part of a step did ({@code detail}) and, for verification, what it still found. */
record StepOutcome(List<String> detail, List<String> remaining) {

    static StepOutcome of(List<String> detail) {
        return new StepOutcome(List.copyOf(detail), List.of());
    }
}

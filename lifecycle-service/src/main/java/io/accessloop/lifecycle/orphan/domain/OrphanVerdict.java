package io.accessloop.lifecycle.orphan.domain;

/** Why a principal is an orphan and what to do about it. */
public record OrphanVerdict(String reason, String proposedAction) {
}

package io.accessloop.lifecycle.inactive.domain;

/** One thing the sweep does to a user, with the reason it is recorded under. */
public record InactivityAction(Kind kind, String userName, String keyId, String reason) {

    public enum Kind {
        DISABLE_USER, DELETE_USER, NOTIFY_KEY, DEACTIVATE_KEY
    }
}

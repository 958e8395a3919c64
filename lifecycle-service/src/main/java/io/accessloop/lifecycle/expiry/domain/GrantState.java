package io.accessloop.lifecycle.expiry.domain;

/** Where a grant stands as far as expiry is concerned. */
public enum GrantState {
    /** Running; the sweep revokes it at its end. */
    ACTIVE,
    /** The revoke command is in the outbox; the broker will report the grant expired or revoked. */
    REVOKE_SENT,
    /** The broker reported it ended (expired, revoked or released). */
    ENDED
}

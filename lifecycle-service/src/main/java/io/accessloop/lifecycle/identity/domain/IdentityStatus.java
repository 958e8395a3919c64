package io.accessloop.lifecycle.identity.domain;

/** Where a person stands: eligible, on leave, being offboarded, gone. */
public enum IdentityStatus {
    ACTIVE, SUSPENDED, OFFBOARDING, OFFBOARDED
}

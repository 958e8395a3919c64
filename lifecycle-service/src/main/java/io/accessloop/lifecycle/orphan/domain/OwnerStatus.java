package io.accessloop.lifecycle.orphan.domain;

/** What lifecycle knows of an owner: never heard of, still here, or leaving/left. */
public enum OwnerStatus {
    UNKNOWN, PRESENT, GONE
}

package io.accessloop.lifecycle.offboarding.domain;

/** Offboarding case states (DESIGN §9): RECEIVED → SCHEDULED → RUNNING → VERIFIED → CLOSED, RUNNING ⇄ RETRYING. */
public enum CaseStatus {
    RECEIVED, SCHEDULED, RUNNING, RETRYING, VERIFIED, CLOSED
}

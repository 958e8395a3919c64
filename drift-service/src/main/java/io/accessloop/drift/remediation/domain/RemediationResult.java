package io.accessloop.drift.remediation.domain;

/** What carrying out a remediation did: acted, or found nothing left to undo. */
public record RemediationResult(boolean acted, String note) {

    public static RemediationResult done() {
        return new RemediationResult(true, null);
    }

    public static RemediationResult notNeeded(String why) {
        return new RemediationResult(false, why);
    }

    /** The event's {@code outcome}: {@code succeeded}, or {@code succeeded: nothing to do, <why>}. */
    public String outcome() {
        return acted ? "succeeded" : "succeeded: nothing to do, " + note;
    }
}

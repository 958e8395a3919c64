package io.accessloop.kit.outbox;

import java.time.OffsetDateTime;

/** An outbox row claimed by a relay pass, in the order it was appended ({@code id}). */
record PendingEvent(long id, String address, String subject, String envelope, OffsetDateTime createdAt) {

    /**
     * The stream this event is ordered in. Every appended event has a subject ({@code CloudEvent} requires one);
     * a row without one (written by hand) joins the single stream of subject-less rows, so such rows keep their
     * append order among themselves, as every row did before sends overlapped.
     */
    String orderKey() {
        return subject == null || subject.isBlank() ? "" : subject;
    }
}

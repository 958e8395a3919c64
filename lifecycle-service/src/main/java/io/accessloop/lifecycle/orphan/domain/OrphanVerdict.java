package io.accessloop.lifecycle.orphan.domain;

/**
 * Why a principal is an orphan and what to do about it.
 *
 * @param cause          {@link #OWNER_OFFBOARDED} or {@link #OWNER_UNKNOWN} (no owner tag, or an owner HR never named)
 * @param reason         the same in words
 * @param proposedAction what should happen to it
 */
public record OrphanVerdict(String cause, String reason, String proposedAction) {

    public static final String OWNER_OFFBOARDED = "owner-offboarded";
    public static final String OWNER_UNKNOWN = "owner-unknown";
}

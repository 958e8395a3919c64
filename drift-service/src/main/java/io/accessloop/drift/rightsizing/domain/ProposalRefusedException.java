package io.accessloop.drift.rightsizing.domain;

/** A valid command the rules refuse (failed proof, recommend-only mode). */
public class ProposalRefusedException extends RuntimeException {

    private final String slug;

    public ProposalRefusedException(String slug, String message) {
        super(message);
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}

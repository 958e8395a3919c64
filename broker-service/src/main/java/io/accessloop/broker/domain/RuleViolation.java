package io.accessloop.broker.domain;

/**
 * A command a state machine or rule refuses. {@link Kind} says how the API answers: a state conflict (409), a caller
 * who may not do this (403), or a valid command the rules refuse (422).
 */
public class RuleViolation extends RuntimeException {

    /** How the refusal maps onto the API. */
    public enum Kind { CONFLICT, FORBIDDEN, REFUSED }

    private final Kind kind;
    private final String slug;

    public RuleViolation(Kind kind, String slug, String message) {
        super(message);
        this.kind = kind;
        this.slug = slug;
    }

    public static RuleViolation conflict(String slug, String message) {
        return new RuleViolation(Kind.CONFLICT, slug, message);
    }

    public static RuleViolation forbidden(String slug, String message) {
        return new RuleViolation(Kind.FORBIDDEN, slug, message);
    }

    public static RuleViolation refused(String slug, String message) {
        return new RuleViolation(Kind.REFUSED, slug, message);
    }

    public Kind kind() {
        return kind;
    }

    public String slug() {
        return slug;
    }
}

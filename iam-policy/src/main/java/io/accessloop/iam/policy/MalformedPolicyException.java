package io.accessloop.iam.policy;

/**
 * A policy document IAM would refuse with {@code MalformedPolicyDocument} (or, for size, {@code LimitExceeded}).
 * {@link #getMessage()} carries IAM's wording followed by the position; {@link #iamMessage()} only the wording.
 */
public class MalformedPolicyException extends RuntimeException {

    /** Why the document was refused. */
    public enum Reason {
        SYNTAX_ERROR,
        UNKNOWN_FIELD,
        INVALID_VERSION,
        MISSING_STATEMENT,
        MISSING_EFFECT,
        INVALID_EFFECT,
        MISSING_ACTION,
        INVALID_ACTION,
        MISSING_RESOURCE,
        INVALID_RESOURCE,
        MISSING_PRINCIPAL,
        PROHIBITED_FIELD,
        INVALID_PRINCIPAL,
        INVALID_CONDITION,
        CONFLICTING_FIELDS,
        INVALID_SID,
        DUPLICATE_SID,
        POLICY_TOO_LARGE
    }

    private final Reason reason;
    private final String iamMessage;
    private final int line;
    private final int column;

    public MalformedPolicyException(Reason reason, String iamMessage, int line, int column) {
        super(format(iamMessage, line, column));
        this.reason = reason;
        this.iamMessage = iamMessage;
        this.line = line;
        this.column = column;
    }

    public MalformedPolicyException(Reason reason, String iamMessage) {
        this(reason, iamMessage, -1, -1);
    }

    private static String format(String message, int line, int column) {
        return line > 0 ? message + " (line " + line + ", column " + column + ")" : message;
    }

    public Reason reason() {
        return reason;
    }

    /** The AWS error code IAM answers with: {@code LimitExceeded} for size, else {@code MalformedPolicyDocument}. */
    public String errorCode() {
        return reason == Reason.POLICY_TOO_LARGE ? "LimitExceeded" : "MalformedPolicyDocument";
    }

    /** The message as IAM words it, without the position. */
    public String iamMessage() {
        return iamMessage;
    }

    /** 1-based line in the decoded document, or -1 when the fault is not at one place. */
    public int line() {
        return line;
    }

    /** 1-based column in the decoded document, or -1 when the fault is not at one place. */
    public int column() {
        return column;
    }
}

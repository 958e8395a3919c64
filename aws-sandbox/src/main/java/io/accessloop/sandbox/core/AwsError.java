package io.accessloop.sandbox.core;

/**
 * An error answered in AWS's envelope: the code the SDKs map to an exception class, the HTTP status
 * and whether the caller (Sender) or the service (Receiver) is at fault.
 */
public class AwsError extends RuntimeException {

    private final String code;
    private final int status;

    public AwsError(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public boolean senderFault() {
        return status < 500;
    }

    public static AwsError validation(String message) {
        return new AwsError("ValidationError", 400, message);
    }

    public static AwsError invalidInput(String message) {
        return new AwsError("InvalidInput", 400, message);
    }

    public static AwsError noSuchEntity(String message) {
        return new AwsError("NoSuchEntity", 404, message);
    }

    public static AwsError alreadyExists(String message) {
        return new AwsError("EntityAlreadyExists", 409, message);
    }

    public static AwsError deleteConflict(String message) {
        return new AwsError("DeleteConflict", 409, message);
    }

    public static AwsError limitExceeded(String message) {
        return new AwsError("LimitExceeded", 409, message);
    }

    public static AwsError malformedPolicy(String message) {
        return new AwsError("MalformedPolicyDocument", 400, message);
    }

    public static AwsError accessDenied(String message) {
        return new AwsError("AccessDenied", 403, message);
    }

    public static AwsError missingParameter(String name) {
        return new AwsError("MissingParameter", 400,
                "The request must contain the parameter " + name);
    }
}

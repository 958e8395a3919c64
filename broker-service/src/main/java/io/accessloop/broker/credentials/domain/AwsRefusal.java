package io.accessloop.broker.credentials.domain;

/** AWS refused a call (access denied, role missing, throttled); the message is AWS's, never a secret. */
public class AwsRefusal extends RuntimeException {

    private final String code;
    private final int status;

    public AwsRefusal(String code, int status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}

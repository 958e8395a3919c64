package io.accessloop.contracts;

/** A message that is not a valid Accessloop event; consumers reject it instead of retrying forever. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}

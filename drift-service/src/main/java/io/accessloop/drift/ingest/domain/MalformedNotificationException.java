package io.accessloop.drift.ingest.domain;

/** A pushed notification that is not a well-formed EventBridge, SNS or AWS Config message. */
public class MalformedNotificationException extends RuntimeException {

    public MalformedNotificationException(String message) {
        super(message);
    }
}

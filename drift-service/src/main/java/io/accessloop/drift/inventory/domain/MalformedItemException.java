package io.accessloop.drift.inventory.domain;

/** An AWS payload that lacks what the inventory needs; the reason names the field. */
public class MalformedItemException extends RuntimeException {

    public MalformedItemException(String message) {
        super(message);
    }
}

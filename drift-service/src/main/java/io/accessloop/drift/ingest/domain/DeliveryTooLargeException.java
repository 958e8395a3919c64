package io.accessloop.drift.ingest.domain;

/** A delivery with more bytes or records than drift accepts in one request; nothing of it is stored. */
public class DeliveryTooLargeException extends RuntimeException {

    public DeliveryTooLargeException(String message) {
        super(message);
    }
}

package io.accessloop.portal.web;

/** A form or query value the portal refuses before anything is sent to a service. */
public class BadInput extends RuntimeException {

    public BadInput(String message) {
        super(message);
    }
}

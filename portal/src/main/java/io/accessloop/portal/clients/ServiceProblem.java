package io.accessloop.portal.clients;

import java.util.List;

/**
 * A service answered with an error. Carries the service's {@code application/problem+json} {@code title} and
 * {@code detail} so the page can tell the person what went wrong in the service's own words.
 */
public class ServiceProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final String detail;
    private final List<String> errors;

    public ServiceProblem(int status, String title, String detail, List<String> errors) {
        super(status + " " + title + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<String> errors() {
        return errors;
    }
}

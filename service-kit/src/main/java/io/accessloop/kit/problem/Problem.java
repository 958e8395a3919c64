package io.accessloop.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is stable per error ({@code urn:accessloop:problem:<slug>});
 * {@code errors} lists field-level reasons where there are several.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<String> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String PREFIX = "urn:accessloop:problem:";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(PREFIX + slug, title, status, detail, null, List.of());
    }

    public Problem withErrors(List<String> fieldErrors) {
        return new Problem(type, title, status, detail, instance, List.copyOf(fieldErrors));
    }
}

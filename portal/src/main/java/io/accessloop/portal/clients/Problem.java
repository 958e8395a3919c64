package io.accessloop.portal.clients;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** The RFC 9457 body every service sends with an error (service-kit's {@code Problem}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(String type, String title, Integer status, String detail, String instance, List<String> errors) {
}

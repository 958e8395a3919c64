package io.accessloop.portal.clients.drift;

/** The filters and sort order of the findings list; blank values mean "any". */
public record FindingFilter(String status, String severity, String rule, String principalArn, String sort,
                            String cursor) {
}

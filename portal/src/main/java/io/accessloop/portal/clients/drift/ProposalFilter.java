package io.accessloop.portal.clients.drift;

/** Filters of the proposals list; blank values mean "any". */
public record ProposalFilter(String status, String principal, String cursor) {
}

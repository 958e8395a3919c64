package io.accessloop.broker.request.rest;

import java.util.List;

/**
 * The answer of a dry run: {@code outcome} is {@code automatic}, {@code needs-approval} or {@code refused};
 * {@code rule} names the clause that decides it; {@code errors} lists why a refused request would be refused.
 */
public record DryRunView(String requester, String entitlement, String outcome, RequestView.Rule rule,
                         long durationSeconds, List<String> errors) {
}

package io.accessloop.drift.inventory.domain;

import java.time.Instant;
import java.util.List;

/** Port to CloudTrail {@code LookupEvents} of one account. */
public interface TrailLookup {

    /**
     * One page of CloudTrail records (JSON text) of IAM calls (event source {@code iam.amazonaws.com}) between the
     * two instants, newest first; {@code nextToken} null for the first page.
     */
    Page iamCalls(Instant from, Instant to, String nextToken);

    /** Records of one page, and the token of the next one (null on the last page). */
    record Page(List<String> records, String nextToken) {
    }
}

package io.accessloop.drift.inventory.domain;

import java.time.Instant;
import java.util.List;

/** Port to CloudTrail {@code LookupEvents}: the raw records of calls that named a resource. */
public interface TrailLookup {

    /** CloudTrail records (JSON text) naming {@code resourceName} between the two instants, newest first. */
    List<String> records(String resourceName, Instant from, Instant to);
}

package io.accessloop.drift.inventory.domain;

import java.time.Instant;
import java.util.List;

/** Port to IAM {@code GetAccountAuthorizationDetails}: every user, group, role and customer-managed policy. */
public interface AuthorizationDetails {

    /** The whole account as snapshots captured at {@code capturedAt}. */
    List<IamSnapshot> snapshot(Instant capturedAt);
}

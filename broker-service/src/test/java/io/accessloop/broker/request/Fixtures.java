package io.accessloop.broker.request;

import io.accessloop.broker.catalog.domain.ApprovalRule;
import io.accessloop.broker.catalog.domain.Entitlement;
import io.accessloop.broker.catalog.domain.TicketRule;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Entitlements for plain domain tests. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Entitlement entitlement(int approvals, boolean breakGlass) {
        return new Entitlement("prod-readonly", "", "000000000000", "arn:aws:iam::000000000000:role/prod-readonly",
                Duration.ofHours(1), Duration.ofHours(4), List.of("payments"),
                new ApprovalRule(false, approvals, List.of("leads"), List.of(), Optional.empty()),
                Optional.empty(), breakGlass, TicketRule.NONE, "test.yaml");
    }
}

package io.accessloop.lifecycle.hr.domain;

import java.util.Arrays;
import java.util.Optional;

/** The HR event kinds of the canonical webhook body (DESIGN §5). */
public enum HrEventType {
    TERMINATED("employee.terminated"),
    TRANSFERRED("employee.transferred"),
    LEAVE_STARTED("employee.leave_started"),
    LEAVE_RETURNED("employee.leave_returned");

    private final String wire;

    HrEventType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<HrEventType> of(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }
}

package io.accessloop.sandbox.iam;

import java.time.Instant;

/** A virtual MFA device, optionally enabled for one user. */
final class MfaDevice {
    final String serialNumber;
    final Instant createDate;
    String userName;
    Instant enableDate;

    MfaDevice(String serialNumber, Instant createDate) {
        this.serialNumber = serialNumber;
        this.createDate = createDate;
    }
}

package io.accessloop.lifecycle.offboarding.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * Body of {@code POST /api/v1/offboarding}.
 *
 * @param email       the person to offboard; must follow {@code EmailAddress.RULE} (checked by the resource)
 * @param employeeId  HR id, optional
 * @param effectiveAt when access must end; now when absent, scheduled when in the future
 * @param reason      why, for the ledger
 */
public record ManualOffboarding(@NotBlank @Size(max = 254) String email,
                                @Size(max = 128) String employeeId,
                                Instant effectiveAt,
                                @NotBlank @Size(max = 500) String reason) {
}

package io.accessloop.lifecycle.workload.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/workloads/{id}/retire}. */
public record RetireRequest(@NotBlank @Size(max = 500) String reason) {
}

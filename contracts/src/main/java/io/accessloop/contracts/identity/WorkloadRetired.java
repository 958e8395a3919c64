package io.accessloop.contracts.identity;

/**
 * A workload principal was retired.
 * <p>CloudEvents type {@code io.accessloop.identity.workload.retired.v1}.
 *
 * @param workloadId workload id
 * @param principalArn role or user
 * @param retiredBy who
 * @param reason why
 */
public record WorkloadRetired(
        String workloadId,
        String principalArn,
        String retiredBy,
        String reason) {
}

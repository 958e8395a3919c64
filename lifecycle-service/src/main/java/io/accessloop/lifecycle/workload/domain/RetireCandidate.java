package io.accessloop.lifecycle.workload.domain;

/**
 * A role tagged {@code accessloop:retire-at}.
 *
 * @param roleName the role
 * @param retireAt the raw tag value
 * @param workload its {@code accessloop:workload} tag; null when it has none
 */
public record RetireCandidate(String roleName, String retireAt, String workload) {
}

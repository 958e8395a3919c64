package io.accessloop.lifecycle.orphan.domain;

/** A role with what its tags say about ownership: {@code accessloop:owner} and {@code accessloop:workload}. */
public record OwnedPrincipal(String arn, String name, String path, String owner, String workload) {
}

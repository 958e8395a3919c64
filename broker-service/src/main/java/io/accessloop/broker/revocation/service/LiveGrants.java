package io.accessloop.broker.revocation.service;

import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * The grants still active on a role, read when its revocations must be compacted into a role-wide deny that spares
 * them. Runs inside the revocation's transaction.
 */
public interface LiveGrants {

    Uni<List<String>> activeOn(String roleArn);
}

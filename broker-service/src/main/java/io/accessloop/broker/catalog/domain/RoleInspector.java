package io.accessloop.broker.catalog.domain;

import java.util.Optional;

/** Reads roles from IAM for the catalog check. */
public interface RoleInspector {

    /** The role's facts, or empty when the role does not exist. */
    Optional<RoleFacts> inspect(String roleArn);

    /** The ARN the broker calls STS as (the principal trust policies must admit). */
    String brokerArn();
}

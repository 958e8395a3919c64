package io.accessloop.drift.rightsizing.domain;

import java.util.List;
import java.util.Optional;

/** Port: reads principals and their identity permissions from IAM. */
public interface PrincipalDirectory {

    /** The permissions of a role or user, empty when it does not exist. */
    Optional<PrincipalPermissions> permissions(String principalArn);

    /** ARNs of every role and user of the account. */
    List<String> principals();
}

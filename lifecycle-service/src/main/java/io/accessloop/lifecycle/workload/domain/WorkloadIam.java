package io.accessloop.lifecycle.workload.domain;

import java.util.List;
import java.util.regex.Pattern;

/** The IAM port of workload retirement: roles carry the tag {@code accessloop:workload=<id>}. */
public interface WorkloadIam {

    String WORKLOAD_TAG = "accessloop:workload";
    /** Workload ids are tag values; kept to a conservative alphabet so they are safe in paths and logs. */
    Pattern WORKLOAD_ID = Pattern.compile("[A-Za-z0-9._:/=+@-]{1,128}");

    List<String> rolesOf(String workloadId);

    /** Every role tagged {@link RetireAt#TAG}, with the tag's value and the role's workload. */
    List<RetireCandidate> rolesMarkedForRetirement();

    /** The full definition of a role, read before it is removed. */
    RoleDefinition describe(String roleName);

    /** Removes the role from instance profiles, deletes inline and detaches managed policies, deletes it. */
    List<String> delete(String roleName);
}

package io.accessloop.lifecycle.workload.domain;

import java.util.List;
import java.util.Map;

/**
 * Everything needed to re-create a role: saved before a retired workload's role is deleted.
 * Policy documents are decoded JSON text.
 */
public record RoleDefinition(String roleName, String arn, String path, String description, Integer maxSessionDuration,
                             String assumeRolePolicyDocument, String permissionsBoundaryArn, Map<String, String> tags,
                             Map<String, String> inlinePolicies, List<String> managedPolicyArns,
                             List<String> instanceProfiles) {

    public RoleDefinition {
        tags = Map.copyOf(tags);
        inlinePolicies = Map.copyOf(inlinePolicies);
        managedPolicyArns = List.copyOf(managedPolicyArns);
        instanceProfiles = List.copyOf(instanceProfiles);
    }
}

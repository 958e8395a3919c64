package io.accessloop.drift.inventory.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The state of one IAM resource at one moment, as AWS Config or IAM reported it. Documents are decoded JSON.
 * Fields that do not apply to a type are empty ({@code trustPolicy} only for roles, {@code defaultDocument} and
 * the counts only for policies). A deleted resource keeps only its identity.
 *
 * @param capturedAt when the source captured this state; newer states win, older ones never roll the inventory back
 * @param stateId AWS Config's {@code configurationStateId} (orders items captured in the same millisecond); null from IAM
 */
public record IamSnapshot(
        String accountId,
        ResourceType type,
        String resourceId,
        String name,
        String arn,
        String path,
        Instant createdAt,
        Instant capturedAt,
        Long stateId,
        boolean deleted,
        List<InlinePolicy> inlinePolicies,
        List<AttachedPolicy> attachedPolicies,
        String trustPolicy,
        String permissionsBoundaryArn,
        List<String> groups,
        Map<String, String> tags,
        String defaultVersionId,
        String defaultDocument,
        Integer attachmentCount,
        Integer permissionsBoundaryUsageCount) {

    public IamSnapshot {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(capturedAt, "capturedAt");
        inlinePolicies = inlinePolicies == null ? List.of() : List.copyOf(inlinePolicies);
        attachedPolicies = attachedPolicies == null ? List.of() : List.copyOf(attachedPolicies);
        groups = groups == null ? List.of() : List.copyOf(groups);
        tags = tags == null ? Map.of() : Map.copyOf(new TreeMap<>(tags));
    }

    /** Whether this state was captured after {@code other} (capture time, then Config's state id). */
    public boolean newerThan(Instant otherCapturedAt, Long otherStateId) {
        int byTime = capturedAt.compareTo(otherCapturedAt);
        if (byTime != 0) {
            return byTime > 0;
        }
        return stateId != null && otherStateId != null && stateId > otherStateId;
    }

    /** Same configuration, ignoring when and by which source it was captured. */
    public boolean sameConfigurationAs(IamSnapshot other) {
        return other != null && deleted == other.deleted
                && Objects.equals(resourceId, other.resourceId)
                && Objects.equals(inlinePolicies, other.inlinePolicies)
                && Objects.equals(attachedPolicies, other.attachedPolicies)
                && Objects.equals(trustPolicy, other.trustPolicy)
                && Objects.equals(permissionsBoundaryArn, other.permissionsBoundaryArn)
                && Objects.equals(groups, other.groups)
                && Objects.equals(tags, other.tags)
                && Objects.equals(defaultVersionId, other.defaultVersionId)
                && Objects.equals(defaultDocument, other.defaultDocument)
                && Objects.equals(attachmentCount, other.attachmentCount)
                && Objects.equals(permissionsBoundaryUsageCount, other.permissionsBoundaryUsageCount);
    }

    public java.util.Optional<InlinePolicy> inlinePolicy(String policyName) {
        return inlinePolicies.stream().filter(p -> p.name().equals(policyName)).findFirst();
    }

    public boolean hasAttached(String policyArn) {
        return attachedPolicies.stream().anyMatch(p -> p.arn().equals(policyArn));
    }

    /** A deletion marker for this resource captured at {@code when}. */
    public static IamSnapshot deletion(String accountId, ResourceType type, String resourceId, String name, String arn,
                                       Instant when, Long stateId) {
        return new IamSnapshot(accountId, type, resourceId, name, arn, null, null, when, stateId, true,
                List.of(), List.of(), null, null, List.of(), Map.of(), null, null, null, null);
    }
}

package io.accessloop.drift.inventory.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Decides which principals Accessloop manages and which changes Accessloop made itself.
 * A principal is managed when it carries the managed tag, matches a configured ARN pattern, or is a role the broker
 * grants. A call is Accessloop's when its caller (or the role behind its session) matches an Accessloop actor
 * pattern. Without a CloudTrail record, a change that only touches the broker's revocation policy on a role that saw
 * a revocation within the attribution window is also taken as Accessloop's.
 */
public final class Ownership {

    private final ArnPattern accessloopActors;
    private final ArnPattern managedPrincipals;
    private final String managedTag;
    private final String revocationPolicyName;
    private final Duration window;

    public Ownership(List<String> accessloopActors, List<String> managedPrincipals, String managedTag,
                     String revocationPolicyName, Duration window) {
        this.accessloopActors = new ArnPattern(accessloopActors);
        this.managedPrincipals = new ArnPattern(managedPrincipals);
        this.managedTag = managedTag;
        this.revocationPolicyName = revocationPolicyName;
        this.window = window;
    }

    public boolean isAccessloop(ApiCall call) {
        return accessloopActors.matches(call.actorArn()) || accessloopActors.matches(call.issuerArn());
    }

    public boolean isManaged(IamSnapshot snapshot, boolean grantedByBroker) {
        if (!snapshot.type().isPrincipal()) {
            return false;
        }
        Map<String, String> tags = snapshot.tags();
        return grantedByBroker || "true".equalsIgnoreCase(tags.get(managedTag)) || managedPrincipals.matches(snapshot.arn());
    }

    public String revocationPolicyName() {
        return revocationPolicyName;
    }

    public Duration window() {
        return window;
    }

    /** The change only rewrote the revocation policy, right after the broker revoked something on this role. */
    public boolean isExpectedRevocation(IamSnapshot previous, IamSnapshot current, Instant lastRevocation) {
        if (previous == null || current == null || lastRevocation == null || current.type() != ResourceType.ROLE) {
            return false;
        }
        Duration since = Duration.between(lastRevocation, current.capturedAt()).abs();
        if (since.compareTo(window) > 0) {
            return false;
        }
        IamSnapshot withoutRevocations = strip(current);
        return strip(previous).sameConfigurationAs(withoutRevocations);
    }

    private IamSnapshot strip(IamSnapshot s) {
        return new IamSnapshot(s.accountId(), s.type(), s.resourceId(), s.name(), s.arn(), s.path(), s.createdAt(),
                s.capturedAt(), s.stateId(), s.deleted(),
                s.inlinePolicies().stream().filter(p -> !p.name().equals(revocationPolicyName)).toList(),
                s.attachedPolicies(), s.trustPolicy(), s.permissionsBoundaryArn(), s.groups(), s.tags(),
                s.defaultVersionId(), s.defaultDocument(), s.attachmentCount(), s.permissionsBoundaryUsageCount());
    }
}

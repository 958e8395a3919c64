package io.accessloop.contracts;

import io.accessloop.contracts.access.BreakGlassUsed;
import io.accessloop.contracts.access.CredentialsIssued;
import io.accessloop.contracts.access.GrantActivated;
import io.accessloop.contracts.access.GrantExpired;
import io.accessloop.contracts.access.GrantExtended;
import io.accessloop.contracts.access.GrantReleased;
import io.accessloop.contracts.access.GrantRevoked;
import io.accessloop.contracts.access.RequestApproved;
import io.accessloop.contracts.access.RequestCancelled;
import io.accessloop.contracts.access.RequestDenied;
import io.accessloop.contracts.access.RequestExpired;
import io.accessloop.contracts.access.RequestSubmitted;
import io.accessloop.contracts.aws.AwsChangeReceived;
import io.accessloop.contracts.command.RevokeGrant;
import io.accessloop.contracts.command.RevokeGrants;
import io.accessloop.contracts.command.RevokeIdentity;
import io.accessloop.contracts.drift.FindingOpened;
import io.accessloop.contracts.drift.FindingResolved;
import io.accessloop.contracts.drift.FindingSuppressed;
import io.accessloop.contracts.drift.RemediationApplied;
import io.accessloop.contracts.drift.RightsizingApplied;
import io.accessloop.contracts.drift.RightsizingApproved;
import io.accessloop.contracts.drift.RightsizingProposed;
import io.accessloop.contracts.drift.RightsizingRejected;
import io.accessloop.contracts.drift.RightsizingRolledBack;
import io.accessloop.contracts.identity.GrantExpiring;
import io.accessloop.contracts.identity.IamUserActioned;
import io.accessloop.contracts.identity.IdentityOffboarded;
import io.accessloop.contracts.identity.IdentityRestored;
import io.accessloop.contracts.identity.IdentitySuspended;
import io.accessloop.contracts.identity.IdentityTransferred;
import io.accessloop.contracts.identity.OrphanFound;
import io.accessloop.contracts.identity.WorkloadRetired;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event and command type Accessloop exchanges, with its address and payload record. */
public final class EventTypes {

    public static final EventType<RequestSubmitted> REQUEST_SUBMITTED =
            new EventType<>("io.accessloop.access.request.submitted.v1", Addresses.ACCESS, RequestSubmitted.class);

    public static final EventType<RequestApproved> REQUEST_APPROVED =
            new EventType<>("io.accessloop.access.request.approved.v1", Addresses.ACCESS, RequestApproved.class);

    public static final EventType<RequestDenied> REQUEST_DENIED =
            new EventType<>("io.accessloop.access.request.denied.v1", Addresses.ACCESS, RequestDenied.class);

    public static final EventType<RequestCancelled> REQUEST_CANCELLED =
            new EventType<>("io.accessloop.access.request.cancelled.v1", Addresses.ACCESS, RequestCancelled.class);

    public static final EventType<RequestExpired> REQUEST_EXPIRED =
            new EventType<>("io.accessloop.access.request.expired.v1", Addresses.ACCESS, RequestExpired.class);

    public static final EventType<GrantActivated> GRANT_ACTIVATED =
            new EventType<>("io.accessloop.access.grant.activated.v1", Addresses.ACCESS, GrantActivated.class);

    public static final EventType<GrantExtended> GRANT_EXTENDED =
            new EventType<>("io.accessloop.access.grant.extended.v1", Addresses.ACCESS, GrantExtended.class);

    public static final EventType<GrantReleased> GRANT_RELEASED =
            new EventType<>("io.accessloop.access.grant.released.v1", Addresses.ACCESS, GrantReleased.class);

    public static final EventType<GrantRevoked> GRANT_REVOKED =
            new EventType<>("io.accessloop.access.grant.revoked.v1", Addresses.ACCESS, GrantRevoked.class);

    public static final EventType<GrantExpired> GRANT_EXPIRED =
            new EventType<>("io.accessloop.access.grant.expired.v1", Addresses.ACCESS, GrantExpired.class);

    public static final EventType<CredentialsIssued> CREDENTIALS_ISSUED =
            new EventType<>("io.accessloop.access.credentials.issued.v1", Addresses.ACCESS, CredentialsIssued.class);

    public static final EventType<BreakGlassUsed> BREAKGLASS_USED =
            new EventType<>("io.accessloop.access.breakglass.used.v1", Addresses.ACCESS, BreakGlassUsed.class);

    public static final EventType<FindingOpened> FINDING_OPENED =
            new EventType<>("io.accessloop.drift.finding.opened.v1", Addresses.DRIFT, FindingOpened.class);

    public static final EventType<FindingResolved> FINDING_RESOLVED =
            new EventType<>("io.accessloop.drift.finding.resolved.v1", Addresses.DRIFT, FindingResolved.class);

    public static final EventType<FindingSuppressed> FINDING_SUPPRESSED =
            new EventType<>("io.accessloop.drift.finding.suppressed.v1", Addresses.DRIFT, FindingSuppressed.class);

    public static final EventType<RightsizingProposed> RIGHTSIZING_PROPOSED =
            new EventType<>("io.accessloop.drift.rightsizing.proposed.v1", Addresses.DRIFT, RightsizingProposed.class);

    public static final EventType<RightsizingApproved> RIGHTSIZING_APPROVED =
            new EventType<>("io.accessloop.drift.rightsizing.approved.v1", Addresses.DRIFT, RightsizingApproved.class);

    public static final EventType<RightsizingRejected> RIGHTSIZING_REJECTED =
            new EventType<>("io.accessloop.drift.rightsizing.rejected.v1", Addresses.DRIFT, RightsizingRejected.class);

    public static final EventType<RightsizingApplied> RIGHTSIZING_APPLIED =
            new EventType<>("io.accessloop.drift.rightsizing.applied.v1", Addresses.DRIFT, RightsizingApplied.class);

    public static final EventType<RightsizingRolledBack> RIGHTSIZING_ROLLEDBACK =
            new EventType<>("io.accessloop.drift.rightsizing.rolledback.v1", Addresses.DRIFT, RightsizingRolledBack.class);

    public static final EventType<RemediationApplied> REMEDIATION_APPLIED =
            new EventType<>("io.accessloop.drift.remediation.applied.v1", Addresses.DRIFT, RemediationApplied.class);

    public static final EventType<IdentityOffboarded> OFFBOARDED =
            new EventType<>("io.accessloop.identity.offboarded.v1", Addresses.IDENTITY, IdentityOffboarded.class);

    public static final EventType<IdentityTransferred> TRANSFERRED =
            new EventType<>("io.accessloop.identity.transferred.v1", Addresses.IDENTITY, IdentityTransferred.class);

    public static final EventType<IdentitySuspended> SUSPENDED =
            new EventType<>("io.accessloop.identity.suspended.v1", Addresses.IDENTITY, IdentitySuspended.class);

    public static final EventType<IdentityRestored> RESTORED =
            new EventType<>("io.accessloop.identity.restored.v1", Addresses.IDENTITY, IdentityRestored.class);

    public static final EventType<WorkloadRetired> WORKLOAD_RETIRED =
            new EventType<>("io.accessloop.identity.workload.retired.v1", Addresses.IDENTITY, WorkloadRetired.class);

    public static final EventType<GrantExpiring> GRANT_EXPIRING =
            new EventType<>("io.accessloop.identity.grant.expiring.v1", Addresses.IDENTITY, GrantExpiring.class);

    public static final EventType<IamUserActioned> IAM_USER_ACTIONED =
            new EventType<>("io.accessloop.identity.iamuser.actioned.v1", Addresses.IDENTITY, IamUserActioned.class);

    public static final EventType<OrphanFound> ORPHAN_FOUND =
            new EventType<>("io.accessloop.identity.orphan.found.v1", Addresses.IDENTITY, OrphanFound.class);

    public static final EventType<RevokeGrant> REVOKE_GRANT =
            new EventType<>("io.accessloop.command.grant.revoke.v1", Addresses.BROKER_COMMANDS, RevokeGrant.class);

    public static final EventType<RevokeGrants> REVOKE_GRANTS =
            new EventType<>("io.accessloop.command.grants.revoke.v1", Addresses.BROKER_COMMANDS, RevokeGrants.class);

    public static final EventType<RevokeIdentity> REVOKE_IDENTITY =
            new EventType<>("io.accessloop.command.identity.revoke.v1", Addresses.BROKER_COMMANDS, RevokeIdentity.class);

    public static final EventType<AwsChangeReceived> CHANGE_RECEIVED =
            new EventType<>("io.accessloop.aws.change.received.v1", Addresses.AWS_CHANGES, AwsChangeReceived.class);

    public static final List<EventType<?>> ALL = List.of(
            REQUEST_SUBMITTED,
            REQUEST_APPROVED,
            REQUEST_DENIED,
            REQUEST_CANCELLED,
            REQUEST_EXPIRED,
            GRANT_ACTIVATED,
            GRANT_EXTENDED,
            GRANT_RELEASED,
            GRANT_REVOKED,
            GRANT_EXPIRED,
            CREDENTIALS_ISSUED,
            BREAKGLASS_USED,
            FINDING_OPENED,
            FINDING_RESOLVED,
            FINDING_SUPPRESSED,
            RIGHTSIZING_PROPOSED,
            RIGHTSIZING_APPROVED,
            RIGHTSIZING_REJECTED,
            RIGHTSIZING_APPLIED,
            RIGHTSIZING_ROLLEDBACK,
            REMEDIATION_APPLIED,
            OFFBOARDED,
            TRANSFERRED,
            SUSPENDED,
            RESTORED,
            WORKLOAD_RETIRED,
            GRANT_EXPIRING,
            IAM_USER_ACTIONED,
            ORPHAN_FOUND,
            REVOKE_GRANT,
            REVOKE_GRANTS,
            REVOKE_IDENTITY,
            CHANGE_RECEIVED);

    private static final Map<String, EventType<?>> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private EventTypes() {
    }

    /** The registered type for a CloudEvents {@code type} attribute, if Accessloop knows it. */
    public static Optional<EventType<?>> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}

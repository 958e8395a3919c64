package io.accessloop.portal.support;

import io.accessloop.portal.clients.Problem;
import io.accessloop.portal.clients.broker.AccessRequest;
import io.accessloop.portal.clients.broker.ConsoleLink;
import io.accessloop.portal.clients.lifecycle.OffboardingCase;
import io.accessloop.portal.clients.lifecycle.Orphan;
import io.accessloop.portal.clients.lifecycle.Timeline;
import io.accessloop.portal.clients.broker.DryRunResult;
import io.accessloop.portal.clients.broker.Entitlement;
import io.accessloop.portal.clients.broker.Grant;
import io.accessloop.portal.clients.broker.ProcessCredentials;
import io.accessloop.portal.clients.drift.Finding;
import io.accessloop.portal.clients.drift.Proposal;
import io.accessloop.portal.clients.drift.ProposalSummary;
import io.accessloop.portal.clients.lifecycle.AuditEntry;
import io.accessloop.portal.clients.lifecycle.Verification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A recorded response of a service, used as a WireMock stub by the page tests and checked by {@code ContractTest}
 * against the record the service really serialises ({@code serviceRecord} in {@code serviceModule}).
 */
public enum Contract {

    ENTITLEMENTS("broker/entitlements.json", "broker-service", "EntitlementView", Shape.PAGE, Entitlement.class),
    MY_GRANTS("broker/grants-mine.json", "broker-service", "GrantView", Shape.PAGE, Grant.class),
    MY_REQUESTS("broker/requests-mine.json", "broker-service", "RequestView", Shape.PAGE, AccessRequest.class),
    PENDING_REQUESTS("broker/requests-pending.json", "broker-service", "RequestView", Shape.PAGE,
            AccessRequest.class),
    REQUEST_SUBMITTED("broker/request-submitted.json", "broker-service", "RequestView", Shape.ONE,
            AccessRequest.class),
    REQUEST_APPROVED("broker/request-approved.json", "broker-service", "RequestView", Shape.ONE,
            AccessRequest.class),
    REQUEST_CANCELLED("broker/request-cancelled.json", "broker-service", "RequestView", Shape.ONE,
            AccessRequest.class),
    DRY_RUN_NEEDS_APPROVAL("broker/dry-run-needs-approval.json", "broker-service", "DryRunView", Shape.ONE,
            DryRunResult.class),
    DRY_RUN_AUTOMATIC("broker/dry-run-automatic.json", "broker-service", "DryRunView", Shape.ONE,
            DryRunResult.class),
    GRANT_RELEASED("broker/grant-released.json", "broker-service", "GrantView", Shape.ONE, Grant.class),
    /** AWS's credential_process format, as the broker's record writes it. */
    GRANT_CREDENTIALS("broker/grant-credentials.json", "broker-service", "CredentialProcessJson", Shape.ONE,
            ProcessCredentials.class),
    CONSOLE_LINK("broker/grant-console.json", "broker-service", "CredentialService.ConsoleLink", Shape.ONE,
            ConsoleLink.class),
    EXTENSION_REQUESTED("broker/extension-requested.json", "broker-service", "RequestView", Shape.ONE,
            AccessRequest.class),
    REVIEWS_PENDING("broker/grants-review-pending.json", "broker-service", "GrantView", Shape.PAGE, Grant.class),
    GRANT_REVIEWED("broker/grant-reviewed.json", "broker-service", "GrantView", Shape.ONE, Grant.class),
    ACTIVE_GRANTS("broker/grants-active.json", "broker-service", "GrantView", Shape.PAGE, Grant.class),
    GRANT_REVOKED("broker/grant-revoked.json", "broker-service", "GrantView", Shape.ONE, Grant.class),
    LEDGER_SUBMITTED("lifecycle/ledger-submitted.json", "lifecycle-service", "AuditEntryView", Shape.PAGE,
            AuditEntry.class),
    LEDGER_ACTIVATED("lifecycle/ledger-activated.json", "lifecycle-service", "AuditEntryView", Shape.PAGE,
            AuditEntry.class),
    LEDGER_RELEASED("lifecycle/ledger-released.json", "lifecycle-service", "AuditEntryView", Shape.PAGE,
            AuditEntry.class),
    LEDGER_REVOKED("lifecycle/ledger-revoked.json", "lifecycle-service", "AuditEntryView", Shape.PAGE,
            AuditEntry.class),
    LEDGER_EXPIRED("lifecycle/ledger-expired.json", "lifecycle-service", "AuditEntryView", Shape.PAGE,
            AuditEntry.class),
    ORPHANS("lifecycle/orphans.json", "lifecycle-service", "OrphanView", Shape.PAGE, Orphan.class),
    TIMELINE("lifecycle/timeline.json", "lifecycle-service", "TimelineView", Shape.ONE, Timeline.class),
    OFFBOARDING_CASE("lifecycle/offboarding-case.json", "lifecycle-service", "CaseView", Shape.ONE,
            OffboardingCase.class),
    PROBLEM_SELF_APPROVAL("broker/problem-self-approval.json", "service-kit", "Problem", Shape.ONE, Problem.class),
    FINDINGS("drift/findings.json", "drift-service", "FindingView", Shape.PAGE, Finding.class),
    /** The page after {@link #FINDINGS}: the last one. */
    FINDINGS_LAST_PAGE("drift/findings-last-page.json", "drift-service", "FindingView", Shape.PAGE, Finding.class),
    FINDING_OPEN("drift/finding-open.json", "drift-service", "FindingView", Shape.ONE, Finding.class),
    FINDING_SUPPRESSED("drift/finding-suppressed.json", "drift-service", "FindingView", Shape.ONE, Finding.class),
    PROPOSALS("drift/proposals.json", "drift-service", "ProposalViews.Summary", Shape.PAGE, ProposalSummary.class),
    PROPOSAL_PROPOSED("drift/proposal-proposed.json", "drift-service", "ProposalViews.Detail", Shape.ONE,
            Proposal.class),
    PROPOSAL_APPROVED("drift/proposal-approved.json", "drift-service", "ProposalViews.Detail", Shape.ONE,
            Proposal.class),
    PROPOSAL_REJECTED("drift/proposal-rejected.json", "drift-service", "ProposalViews.Detail", Shape.ONE,
            Proposal.class),
    PROPOSAL_APPLIED("drift/proposal-applied.json", "drift-service", "ProposalViews.Detail", Shape.ONE,
            Proposal.class),
    PROPOSAL_ROLLED_BACK("drift/proposal-rolled-back.json", "drift-service", "ProposalViews.Detail", Shape.ONE,
            Proposal.class),
    PROBLEM_PROOF_FAILED("drift/problem-proof-failed.json", "service-kit", "Problem", Shape.ONE, Problem.class),
    AUDIT("lifecycle/audit.json", "lifecycle-service", "AuditEntryView", Shape.PAGE, AuditEntry.class),
    VERIFY_BROKEN("lifecycle/verify-broken.json", "lifecycle-service", "VerificationView", Shape.ONE,
            Verification.class);

    /** A single object, or a list page {@code {"items": [...], "nextCursor": ...}} of them. */
    public enum Shape { ONE, PAGE }

    private final String file;
    private final String serviceModule;
    private final String serviceRecord;
    private final Shape shape;
    private final Class<? extends Record> portalType;

    Contract(String file, String serviceModule, String serviceRecord, Shape shape,
             Class<? extends Record> portalType) {
        this.file = file;
        this.serviceModule = serviceModule;
        this.serviceRecord = serviceRecord;
        this.shape = shape;
        this.portalType = portalType;
    }

    public String file() {
        return file;
    }

    public String serviceModule() {
        return serviceModule;
    }

    public String serviceRecord() {
        return serviceRecord;
    }

    public Shape shape() {
        return shape;
    }

    public Class<? extends Record> portalType() {
        return portalType;
    }

    public String body() {
        try (InputStream in = Contract.class.getResourceAsStream("/contracts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing recorded response contracts/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

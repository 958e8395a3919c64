package io.accessloop.broker.request.service;

import io.accessloop.broker.catalog.domain.Entitlement;
import io.accessloop.broker.catalog.domain.RuleDecision;
import io.accessloop.broker.catalog.service.CatalogStore;
import io.accessloop.broker.config.BrokerSettings;
import io.accessloop.broker.domain.RuleViolation;
import io.accessloop.broker.grant.domain.Grant;
import io.accessloop.broker.grant.service.GrantService;
import io.accessloop.broker.request.domain.AccessRequest;
import io.accessloop.broker.request.domain.RequestDraft;
import io.accessloop.broker.request.domain.RequestStatus;
import io.accessloop.broker.request.repository.RequestRepository;
import io.accessloop.broker.request.rest.DryRunView;
import io.accessloop.broker.request.rest.RequestBodies;
import io.accessloop.broker.request.rest.RequestView;
import io.accessloop.broker.support.Ids;
import io.accessloop.broker.support.Inputs;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.access.RequestApproved;
import io.accessloop.contracts.access.RequestCancelled;
import io.accessloop.contracts.access.RequestDenied;
import io.accessloop.contracts.access.RequestExpired;
import io.accessloop.contracts.access.RequestSubmitted;
import io.accessloop.kit.outbox.Outbox;
import io.accessloop.kit.problem.ProblemException;
import io.accessloop.kit.security.Caller;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Request commands: submit (including break-glass and extensions), approve, deny, cancel, expire, dry-run. Every
 * method runs inside the caller's transaction and writes one event per transition through the outbox.
 */
@ApplicationScoped
public class RequestService {

    static final int MAX_ENTITLEMENT = 64;
    static final int MAX_TICKET = 128;
    static final int MAX_COMMENT = 1000;

    private final RequestRepository requests;
    private final GrantService grants;
    private final CatalogStore catalog;
    private final Outbox outbox;
    private final BrokerSettings settings;
    private final Clock clock;

    RequestService(RequestRepository requests, GrantService grants, CatalogStore catalog, Outbox outbox,
                   BrokerSettings settings, Clock clock) {
        this.requests = requests;
        this.grants = grants;
        this.catalog = catalog;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** Checks the shape of a submit body (400 with every error); the rules come after. */
    public static void checkShape(RequestBodies.Submit body) {
        if (body == null) {
            throw ProblemException.invalid("A JSON body is required", List.of("body: required"));
        }
        new Inputs().required("entitlement", body.entitlement())
                .maxLength("entitlement", body.entitlement(), MAX_ENTITLEMENT)
                .required("reason", body.reason())
                .maxLength("reason", body.reason(), RequestDraft.MAX_REASON)
                .maxLength("ticket", body.ticket(), MAX_TICKET)
                .range("durationSeconds", body.durationSeconds(), 1, 43_200)
                .check();
    }

    /** A new request (or break-glass), approved at once when the rule is automatic. */
    public Uni<RequestView> submit(Caller caller, RequestBodies.Submit body, boolean breakGlass) {
        Entitlement entitlement = entitlement(body.entitlement(), caller);
        Instant now = clock.instant();
        RequestDraft draft = new RequestDraft(caller.email(), caller.groups(), entitlement, body.reason(),
                duration(body.durationSeconds()), body.ticket(), breakGlass);
        RuleDecision rule = entitlement.approval().decide(caller.groups(), now);
        AccessRequest request = AccessRequest.submit(Ids.request(now), draft, rule, null, now, settings.requestTtl());
        return requests.save(request)
                .chain(() -> outbox.append(EventTypes.REQUEST_SUBMITTED, request.id(), new RequestSubmitted(
                        request.id(), request.requester(), request.entitlement(), request.accountId(),
                        request.roleArn(), request.reason(), request.durationSeconds(), request.ticket(), breakGlass)))
                .chain(() -> request.status() == RequestStatus.APPROVED
                        ? completeApproval(request, entitlement, List.of(), true) : Uni.createFrom().voidItem())
                .map(x -> RequestView.of(request));
    }

    /**
     * An extension of an active grant, through the same rules as a new request: approved at once when the rule is
     * automatic for the owner, otherwise pending until approvers say yes.
     */
    public Uni<RequestView> submitExtension(Caller caller, Grant grant, Long durationSeconds, String reason) {
        if (!grant.identity().equals(caller.email())) {
            throw RuleViolation.forbidden("not-owner", "only the owner extends a grant");
        }
        Instant now = clock.instant();
        if (!grant.isUsable(now)) {
            throw RuleViolation.conflict("grant-not-active", grant.id() + " is " + grant.status()
                    + (grant.status().name().equals("ACTIVE") ? " but past its end" : ""));
        }
        Entitlement entitlement = entitlement(grant.entitlement(), caller);
        Duration extra = duration(durationSeconds);
        RequestDraft draft = new RequestDraft(caller.email(), caller.groups(), entitlement, reason, extra, null, false);
        Duration newRemaining = grant.remaining(now).plus(draft.effectiveDuration());
        if (newRemaining.compareTo(entitlement.maxDuration()) > 0) {
            throw RuleViolation.refused("extension-too-long", "after the extension the grant would last "
                    + newRemaining.toSeconds() + " s more; " + entitlement.name() + " allows at most "
                    + entitlement.maxDuration().toSeconds() + " s");
        }
        RuleDecision rule = entitlement.approval().decide(caller.groups(), now);
        AccessRequest request = AccessRequest.submit(Ids.request(now), draft, rule, grant.id(), now,
                settings.requestTtl());
        return requests.save(request)
                .chain(() -> outbox.append(EventTypes.REQUEST_SUBMITTED, request.id(), new RequestSubmitted(
                        request.id(), request.requester(), request.entitlement(), request.accountId(),
                        request.roleArn(), request.reason(), request.durationSeconds(), request.ticket(), false)))
                .chain(() -> request.status() == RequestStatus.APPROVED
                        ? completeApproval(request, entitlement, List.of(), true) : Uni.createFrom().voidItem())
                .map(x -> RequestView.of(request));
    }

    public Uni<RequestView> approve(Caller caller, String id, String comment) {
        checkComment(comment);
        return visible(caller, id, true).chain(request -> {
            boolean complete = request.approve(caller.email(), caller.groups(), comment, clock.instant());
            Uni<Void> saved = requests.save(request);
            if (!complete) {
                return saved.map(x -> RequestView.of(request));
            }
            Entitlement entitlement = catalog.current().find(request.entitlement()).orElseThrow(() ->
                    RuleViolation.refused("entitlement-gone", request.entitlement() + " is no longer in the catalog"));
            return saved.chain(() -> completeApproval(request, entitlement,
                            request.approvals().stream().map(a -> a.approver()).toList(), false))
                    .map(x -> RequestView.of(request));
        });
    }

    public Uni<RequestView> deny(Caller caller, String id, String comment) {
        checkComment(comment);
        return visible(caller, id, true).chain(request -> {
            request.deny(caller.email(), caller.groups(), comment, clock.instant());
            return requests.save(request)
                    .chain(() -> outbox.append(EventTypes.REQUEST_DENIED, request.id(), new RequestDenied(request.id(),
                            request.requester(), request.entitlement(), caller.email(), request.decisionComment())))
                    .map(x -> RequestView.of(request));
        });
    }

    public Uni<RequestView> cancel(Caller caller, String id, String reason) {
        checkComment(reason);
        return visible(caller, id, true).chain(request -> {
            boolean allowed = request.requester().equals(caller.email()) || caller.inGroup(Caller.SECURITY)
                    || caller.inGroup(Caller.ADMIN);
            if (!allowed) {
                throw RuleViolation.forbidden("not-requester", "only the requester, security or admins cancel");
            }
            return cancel(request, caller.email(), reason);
        }).map(RequestView::of);
    }

    /** Offboarding, suspension or transfer: every pending request of the person is cancelled. */
    public Uni<Integer> cancelPendingOf(String identity, String by, String reason) {
        return requests.pendingOfForUpdate(identity).chain(pending -> pending.isEmpty()
                ? Uni.createFrom().item(0)
                : Multi.createFrom().iterable(pending)
                .onItem().transformToUniAndConcatenate(r -> cancel(r, by, reason))
                .collect().asList().map(List::size));
    }

    /** Expires one pending request whose time is up (the sweep claims it first). */
    public Uni<Void> expire(String id) {
        return requests.findForUpdate(id).chain(request -> {
            if (request == null || request.status() != RequestStatus.PENDING) {
                return Uni.createFrom().voidItem();
            }
            request.expire(clock.instant());
            return requests.save(request)
                    .chain(() -> outbox.append(EventTypes.REQUEST_EXPIRED, request.id(), new RequestExpired(
                            request.id(), request.requester(), request.entitlement())))
                    .replaceWithVoid();
        });
    }

    /** What the rules would decide if {@code requester} asked now; nothing is stored. */
    public DryRunView dryRun(Caller caller, RequestBodies.DryRun body) {
        if (body == null) {
            throw ProblemException.invalid("A JSON body is required", List.of("body: required"));
        }
        new Inputs().required("entitlement", body.entitlement())
                .maxLength("entitlement", body.entitlement(), MAX_ENTITLEMENT)
                .maxLength("reason", body.reason(), RequestDraft.MAX_REASON)
                .maxLength("ticket", body.ticket(), MAX_TICKET)
                .maxLength("requester", body.requester(), 254)
                .range("durationSeconds", body.durationSeconds(), 1, 43_200)
                .check();
        String requester = caller.email();
        Set<String> groups = caller.groups();
        if (body.requester() != null && !body.requester().equalsIgnoreCase(caller.email())) {
            if (!caller.seesEveryone()) {
                throw ProblemException.forbidden("Only security, auditors and admins ask on behalf of someone else");
            }
            requester = body.requester().toLowerCase(Locale.ROOT);
            groups = body.groups() == null ? Set.of() : new HashSet<>(body.groups());
        }
        Entitlement entitlement = catalog.current().find(body.entitlement()).orElseThrow(() ->
                ProblemException.refused("unknown-entitlement", "No entitlement named " + body.entitlement()));
        boolean breakGlass = Boolean.TRUE.equals(body.breakGlass());
        RequestDraft draft = new RequestDraft(requester, groups, entitlement,
                body.reason() == null ? "dry run" : body.reason(), duration(body.durationSeconds()), body.ticket(),
                breakGlass);
        RuleDecision rule = entitlement.approval().decide(groups, clock.instant());
        List<String> errors = draft.violations();
        String outcome = !errors.isEmpty() ? "refused" : rule.automatic() || breakGlass ? "automatic" : "needs-approval";
        String explanation = breakGlass && errors.isEmpty()
                ? "breakGlass: immediate access, reviewed afterwards by " + String.join(", ", rule.approverGroups())
                : rule.explanation();
        return new DryRunView(requester, entitlement.name(), outcome,
                new RequestView.Rule(rule.automatic(), rule.requiredApprovals(), rule.approverGroups(), explanation),
                draft.effectiveDuration().toSeconds(), errors);
    }

    /** A request the caller may see: their own, or any request of an entitlement they approve, or all (security). */
    public Uni<AccessRequest> visible(Caller caller, String id, boolean lock) {
        return (lock ? requests.findForUpdate(id) : requests.find(id)).map(request -> {
            if (request == null || !canSee(caller, request)) {
                throw ProblemException.notFound("Request " + id);
            }
            return request;
        });
    }

    public boolean canSee(Caller caller, AccessRequest request) {
        return request.requester().equals(caller.email()) || caller.seesEveryone()
                || request.rule().approverGroups().stream().anyMatch(caller.groups()::contains);
    }

    /**
     * The caller's own requests ({@code mine}), or those they may decide: every request for security, auditors and
     * admins, requests of the entitlements they approve for approvers.
     */
    public Uni<List<AccessRequest>> list(Caller caller, boolean mine, RequestStatus status, String cursor, int limit) {
        if (mine) {
            return requests.list(caller.email(), null, status, cursor, limit);
        }
        if (caller.seesEveryone()) {
            return requests.list(null, null, status, cursor, limit);
        }
        List<String> approved = catalog.current().entitlements().stream()
                .filter(e -> e.approval().isApprover(caller.groups())).map(Entitlement::name).toList();
        return requests.list(null, approved, status, cursor, limit);
    }

    private Uni<AccessRequest> cancel(AccessRequest request, String by, String reason) {
        request.cancel(by, reason, clock.instant());
        return requests.save(request)
                .chain(() -> outbox.append(EventTypes.REQUEST_CANCELLED, request.id(), new RequestCancelled(
                        request.id(), request.requester(), request.entitlement(), by, request.decisionComment())))
                .replaceWith(request);
    }

    private Uni<Void> completeApproval(AccessRequest request, Entitlement entitlement, List<String> approvers,
                                       boolean automatic) {
        Uni<Grant> grant = request.extendsGrantId() != null
                ? grants.extend(request, approvers.isEmpty() ? "rule" : String.join(",", approvers))
                : grants.activate(request, entitlement.sessionPolicy());
        return grant.chain(g -> requests.save(request))
                .chain(() -> outbox.append(EventTypes.REQUEST_APPROVED, request.id(), new RequestApproved(request.id(),
                        request.requester(), request.entitlement(), approvers, automatic, request.grantId())))
                .replaceWithVoid();
    }

    private Entitlement entitlement(String name, Caller caller) {
        return catalog.current().find(name).orElseThrow(() ->
                ProblemException.refused("unknown-entitlement", "No entitlement named " + name));
    }

    private static Duration duration(Long seconds) {
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }

    private static void checkComment(String comment) {
        new Inputs().maxLength("comment", comment, MAX_COMMENT).check();
    }
}

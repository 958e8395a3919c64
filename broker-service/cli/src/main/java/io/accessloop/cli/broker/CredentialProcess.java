package io.accessloop.cli.broker;

import io.accessloop.cli.CliException;
import io.accessloop.cli.ExitCode;
import io.accessloop.cli.support.Sleeper;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code credential_process} with request-on-deny: credentials of the person's active grant of the entitlement;
 * without one, their pending request for it is awaited, or a new one is filed (with an idempotency key, so a retried
 * submission never files twice) and awaited, polling with backoff until it is decided or the wait runs out.
 */
public final class CredentialProcess {

    /** STS will not issue a session shorter than this; a grant with less left cannot serve the AWS CLI. */
    static final long MIN_REMAINING_SECONDS = 900;

    private final BrokerClient broker;
    private final Clock clock;
    private final Sleeper sleeper;
    private final PrintStream err;

    public CredentialProcess(BrokerClient broker, Clock clock, Sleeper sleeper, PrintStream err) {
        this.broker = broker;
        this.clock = clock;
        this.sleeper = sleeper;
        this.err = err;
    }

    /**
     * The credential_process JSON for {@code entitlement}.
     *
     * @param draft what to ask for when there is no grant; empty means "do not ask"
     * @param wait  how long to wait for a decision; zero returns at once with {@link ExitCode#STILL_PENDING}
     */
    public String credentials(String entitlement, Optional<NewRequest> draft, Duration wait) {
        Optional<GrantSummary> grant = broker.activeGrants().stream()
                .filter(g -> g.entitlement().equals(entitlement))
                .filter(g -> g.remainingSeconds() >= MIN_REMAINING_SECONDS)
                .max(Comparator.comparing(GrantSummary::remainingSeconds));
        if (grant.isPresent()) {
            return broker.credentials(grant.get().id());
        }
        RequestSummary request = broker.pendingRequests().stream()
                .filter(r -> r.entitlement().equals(entitlement))
                .findFirst()
                .map(r -> {
                    err.println("You have no active grant of " + entitlement + "; waiting for your pending request "
                            + r.id() + ".");
                    return r;
                })
                .orElseGet(() -> file(entitlement, draft));
        return awaitDecision(request, wait);
    }

    private RequestSummary file(String entitlement, Optional<NewRequest> draft) {
        NewRequest ask = draft.orElseThrow(() -> new CliException(ExitCode.REFUSED, "you have no active grant of "
                + entitlement + " (with at least 15 minutes left); pass --reason to request one"));
        RequestSummary request = broker.submit(ask, UUID.randomUUID().toString());
        if (request.approved()) {
            err.println("Requested " + entitlement + " (" + request.id() + "): approved at once.");
        } else {
            err.println("Requested " + entitlement + " (" + request.id() + "): " + request.ruleExplanation());
        }
        return request;
    }

    private String awaitDecision(RequestSummary first, Duration wait) {
        RequestSummary request = first;
        Instant deadline = clock.instant().plus(wait);
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(15));
        boolean announced = false;
        while (request.pending()) {
            Instant now = clock.instant();
            if (!now.isBefore(deadline)) {
                throw new CliException(ExitCode.STILL_PENDING, "request " + request.id() + " is still waiting for "
                        + "approval; run the same command again once it is approved (it will not file a second one)");
            }
            if (!announced) {
                err.println("Waiting up to " + wait.toMinutes() + " min for approval of " + request.id()
                        + " (Ctrl-C stops waiting; the request stays open).");
                announced = true;
            }
            Duration pause = backoff.next();
            Duration left = Duration.between(now, deadline);
            sleeper.sleep(pause.compareTo(left) > 0 ? left : pause);
            request = broker.request(request.id());
        }
        if (request.approved()) {
            return broker.credentials(request.grantId());
        }
        String by = request.decidedBy() == null ? "" : " by " + request.decidedBy();
        String comment = request.decisionComment() == null || request.decisionComment().isBlank() ? ""
                : ": " + request.decisionComment();
        throw new CliException(ExitCode.DENIED, "request " + request.id() + " was " + request.status().toLowerCase()
                + by + comment);
    }
}

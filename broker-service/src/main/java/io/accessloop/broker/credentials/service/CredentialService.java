package io.accessloop.broker.credentials.service;

import io.accessloop.broker.catalog.domain.Entitlement;
import io.accessloop.broker.catalog.service.CatalogStore;
import io.accessloop.broker.config.BrokerSettings;
import io.accessloop.broker.credentials.domain.AssumeRoleSpec;
import io.accessloop.broker.credentials.domain.ConsoleSignIn;
import io.accessloop.broker.credentials.domain.CredentialIssuer;
import io.accessloop.broker.credentials.domain.RoleDirectory;
import io.accessloop.broker.credentials.domain.SessionDuration;
import io.accessloop.broker.credentials.domain.SessionNames;
import io.accessloop.broker.credentials.domain.TemporaryCredentials;
import io.accessloop.broker.domain.RuleViolation;
import io.accessloop.broker.grant.domain.Grant;
import io.accessloop.broker.grant.service.GrantService;
import io.accessloop.broker.revocation.service.RoleWideDenies;
import io.accessloop.broker.support.Blocking;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.access.CredentialsIssued;
import io.accessloop.kit.outbox.Outbox;
import io.accessloop.kit.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Issues a grant's session credentials to its owner only. The keys go back to the caller and nowhere else: the event
 * carries the access key id (public, as in CloudTrail) and never the secret or the session token.
 */
@ApplicationScoped
public class CredentialService {

    /** Clocks of the broker and STS differ a little; the session is held back that much longer. */
    private static final Duration SAFETY_MARGIN = Duration.ofMillis(250);

    private final GrantService grants;
    private final CredentialIssuer issuer;
    private final RoleDirectory roles;
    private final ConsoleSignIn console;
    private final Blocking blocking;
    private final Outbox outbox;
    private final BrokerSettings settings;
    private final CatalogStore catalog;
    private final RoleWideDenies roleWideDenies;
    private final Clock clock;

    CredentialService(GrantService grants, CredentialIssuer issuer, RoleDirectory roles, ConsoleSignIn console,
                      Blocking blocking, Outbox outbox, BrokerSettings settings, CatalogStore catalog,
                      RoleWideDenies roleWideDenies, Clock clock) {
        this.roleWideDenies = roleWideDenies;
        this.catalog = catalog;
        this.grants = grants;
        this.issuer = issuer;
        this.roles = roles;
        this.console = console;
        this.blocking = blocking;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** Credentials of one session; must run in a transaction (for the event). */
    public Uni<TemporaryCredentials> issue(Caller caller, String grantId, String channel) {
        return owned(caller, grantId).chain(grant -> safeFrom(grant)
                .chain(from -> blocking.call(() -> assume(grant, from)))
                .call(issued -> grants.sessionIssued(grant.id(), issued.credentials().expiration()))
                .chain(issued -> outbox.append(EventTypes.CREDENTIALS_ISSUED, grant.id(), new CredentialsIssued(
                                grant.id(), grant.identity(), grant.roleArn(), issued.credentials().accessKeyId(),
                                issued.sessionName(), issued.credentials().expiration(), channel))
                        .replaceWith(issued.credentials())));
    }

    /** A console sign-in URL for the grant's role; must run in a transaction (for the event). */
    public Uni<ConsoleLink> console(Caller caller, String grantId, String destination) {
        String target = destination == null || destination.isBlank() ? settings.console().defaultDestination()
                : destination;
        if (!target.startsWith("https://") || target.length() > 2048) {
            throw RuleViolation.refused("invalid-destination", "destination must be an https:// URL of at most 2048 characters");
        }
        return owned(caller, grantId).chain(grant -> safeFrom(grant).chain(from -> blocking.call(() -> {
                    Issued issued = assume(grant, from);
                    URI url = console.signInUrl(issued.credentials(), issued.durationSeconds(), target);
                    return new SignIn(issued, url);
                })
                .call(signIn -> grants.sessionIssued(grant.id(), signIn.issued().credentials().expiration()))
                .chain(signIn -> {
                    Issued issued = signIn.issued();
                    return outbox.append(EventTypes.CREDENTIALS_ISSUED, grant.id(), new CredentialsIssued(grant.id(),
                                    grant.identity(), grant.roleArn(), issued.credentials().accessKeyId(),
                                    issued.sessionName(), issued.credentials().expiration(), "console"))
                            .replaceWith(new ConsoleLink(signIn.url().toString(), issued.credentials().expiration()));
                })));
    }

    /** The console URL and when the session behind it ends. */
    public record ConsoleLink(String url, Instant expiresAt) {
    }

    private record SignIn(Issued issued, URI url) {
    }

    private record Issued(TemporaryCredentials credentials, String sessionName, int durationSeconds) {
    }

    private Uni<Grant> owned(Caller caller, String grantId) {
        return grants.visible(caller, grantId, false).map(grant -> {
            if (!grant.identity().equals(caller.email())) {
                throw RuleViolation.forbidden("not-owner", "credentials are issued to the grant's owner only");
            }
            Instant now = clock.instant();
            if (!grant.isUsable(now)) {
                throw RuleViolation.refused("grant-ended", grant.id() + " is " + grant.status()
                        + (grant.status().name().equals("ACTIVE") ? " but ended at " + grant.endsAt() : "")
                        + "; no credentials can be issued");
            }
            return grant;
        });
    }

    /** The external id is the role's (its trust policy asks for it), so the catalog in force is the source. */
    private Optional<String> externalId(Grant grant) {
        return catalog.current().find(grant.entitlement())
                .filter(e -> e.roleArn().equals(grant.roleArn()))
                .flatMap(Entitlement::externalId);
    }

    private Uni<Instant> safeFrom(Grant grant) {
        return roleWideDenies.sessionsSafeFrom(grant.roleArn());
    }

    /** Waits out a role-wide deny of this very second (at most a second, and only right after a compaction). */
    private Issued assume(Grant grant, Instant safeFrom) {
        Duration hold = Duration.between(clock.instant(), safeFrom);
        if (!hold.isNegative()) {
            try {
                Thread.sleep(hold.toMillis() + SAFETY_MARGIN.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting out a role-wide revocation", e);
            }
        }
        Instant now = clock.instant();
        int duration = SessionDuration.of(grant.remaining(now), roles.maxSessionSeconds(grant.roleArn()));
        String sessionName = SessionNames.of(grant.identity());
        AssumeRoleSpec spec = new AssumeRoleSpec(grant.roleArn(), sessionName, grant.identity(),
                Map.of(AssumeRoleSpec.GRANT_TAG, grant.id(), AssumeRoleSpec.REQUEST_TAG, grant.requestId()),
                Optional.ofNullable(grant.sessionPolicy()), duration, externalId(grant));
        return new Issued(issuer.assumeRole(spec), sessionName, duration);
    }
}

package io.accessloop.portal.clients.broker;

import io.accessloop.portal.clients.Page;
import io.accessloop.portal.clients.PerPersonCache;
import io.accessloop.portal.clients.SignedInToken;
import io.accessloop.portal.clients.Together;
import io.accessloop.portal.config.PortalSettings;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What the portal asks of broker-service, always as the signed-in person. */
@ApplicationScoped
public class BrokerClient {

    /** Upper bound when the portal reads a whole list (the catalog); the broker caps a page anyway. */
    static final int MAX_PAGES = 20;
    static final int PAGE_SIZE = 200;
    /** People whose catalog is kept at once; the catalog is small, a few kilobytes each. */
    static final int CATALOG_PEOPLE = 1000;

    private final BrokerApi api;
    private final PerPersonCache<List<Entitlement>> catalogs;

    BrokerClient(@RestClient BrokerApi api, PortalSettings settings) {
        this.api = api;
        this.catalogs = new PerPersonCache<>(Clock.systemUTC(), Duration.ofSeconds(settings.catalogCacheSeconds()),
                CATALOG_PEOPLE);
    }

    /**
     * Every entitlement the person may request or approve. The catalog changes only when the broker reloads its
     * files, and what the person sees of it only with their groups, so it is kept for a short time per access token
     * ({@code accessloop.portal.catalog-cache-seconds}); the broker checks every request and decision anyway.
     */
    public List<Entitlement> catalog() {
        return SignedInToken.current().map(token -> catalogs.get(token, this::fetchCatalog))
                .orElseGet(this::fetchCatalog);
    }

    private List<Entitlement> fetchCatalog() {
        List<Entitlement> all = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < MAX_PAGES; i++) {
            Page<Entitlement> page = api.entitlements(PAGE_SIZE, cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
            if (cursor == null) {
                break;
            }
        }
        return List.copyOf(all);
    }

    /** The person's grants and requests, asked for at the same time. */
    public MyAccess myAccess() {
        return Together.both(api.grantsLater(true, null, null, PAGE_SIZE, null),
                api.requestsLater(true, null, PAGE_SIZE), (grants, requests) -> new MyAccess(grants.items(),
                        requests.items()));
    }

    /** Pending requests this person may decide and break-glass grants awaiting their review, asked for at once. */
    public Inbox inbox() {
        return Together.both(api.requestsLater(false, "PENDING", PAGE_SIZE),
                api.grantsLater(false, null, true, PAGE_SIZE, null), (requests, reviews) -> new Inbox(requests.items(),
                        reviews.items()));
    }

    public List<Grant> myGrants() {
        return api.grants(true, null, null, PAGE_SIZE, null).items();
    }

    /** Active grants of the entitlements this person approves (everyone's for security, auditors and admins). */
    public List<Grant> activeGrants() {
        List<Grant> all = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < MAX_PAGES; i++) {
            Page<Grant> page = api.grants(false, "ACTIVE", null, PAGE_SIZE, cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
            if (cursor == null) {
                break;
            }
        }
        return all;
    }

    /** Ends someone's grant now; the broker checks that this person may. */
    public Grant revoke(String grantId, String reason) {
        return api.revoke(grantId, new BrokerBodies.Revoke(reason));
    }

    public ConsoleLink console(String grantId) {
        return api.console(grantId);
    }

    public AccessRequest extend(String grantId, long durationSeconds, String reason) {
        return api.extend(grantId, new BrokerBodies.Extend(durationSeconds, reason));
    }

    public Grant review(String grantId, String comment) {
        return api.review(grantId, new BrokerBodies.Review(comment));
    }

    public AccessRequest submit(String idempotencyKey, BrokerBodies.Submit body) {
        return api.submit(idempotencyKey, body);
    }

    public DryRunResult dryRun(BrokerBodies.DryRun body) {
        return api.dryRun(body);
    }

    public AccessRequest approve(String requestId, String comment) {
        return api.approve(requestId, new BrokerBodies.Decision(comment));
    }

    public AccessRequest deny(String requestId, String comment) {
        return api.deny(requestId, new BrokerBodies.Decision(comment));
    }

    /** Withdraws one's own pending request. */
    public AccessRequest cancel(String requestId, String reason) {
        return api.cancel(requestId, new BrokerBodies.Cancel(reason));
    }

    public ProcessCredentials credentials(String grantId) {
        return api.credentials(grantId);
    }

    public Grant release(String grantId) {
        return api.release(grantId);
    }
}

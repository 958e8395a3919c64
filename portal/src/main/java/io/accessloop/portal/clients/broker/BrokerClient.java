package io.accessloop.portal.clients.broker;

import io.accessloop.portal.clients.Page;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.List;

/** What the portal asks of broker-service, always as the signed-in person. */
@ApplicationScoped
public class BrokerClient {

    /** Upper bound when the portal reads a whole list (the catalog); the broker caps a page anyway. */
    static final int MAX_PAGES = 20;
    static final int PAGE_SIZE = 200;

    private final BrokerApi api;

    BrokerClient(@RestClient BrokerApi api) {
        this.api = api;
    }

    /** Every entitlement the person may request or approve, following cursors. */
    public List<Entitlement> catalog() {
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
        return all;
    }

    public List<Grant> myGrants() {
        return api.grants(true, null, null, PAGE_SIZE, null).items();
    }

    public List<AccessRequest> myRequests() {
        return api.requests(true, null, PAGE_SIZE).items();
    }

    /** Pending requests this person may decide. */
    public List<AccessRequest> pendingRequests() {
        return api.requests(false, "PENDING", PAGE_SIZE).items();
    }

    /** Break-glass grants of entitlements this person approves whose after-the-fact review is still open. */
    public List<Grant> pendingReviews() {
        return api.grants(false, null, true, PAGE_SIZE, null).items();
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

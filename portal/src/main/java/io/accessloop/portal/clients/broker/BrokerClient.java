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
        return api.myGrants(true, PAGE_SIZE).items();
    }

    public List<AccessRequest> myRequests() {
        return api.myRequests(true, PAGE_SIZE).items();
    }

    /** Pending requests the broker lets this person see: for an approver, the ones they may decide. */
    public List<AccessRequest> pendingRequests() {
        return api.requestsWithStatus("PENDING", PAGE_SIZE).items();
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

    public ProcessCredentials credentials(String grantId) {
        return api.credentials(grantId);
    }

    public Grant release(String grantId) {
        return api.release(grantId);
    }
}

package io.accessloop.portal.access;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.accessloop.portal.support.Browser;
import io.accessloop.portal.support.Contract;
import io.accessloop.portal.support.People;
import io.accessloop.portal.support.ServiceStubs;
import io.accessloop.portal.support.Stubs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class RequestPageTest {

    @OidcWireMock
    WireMockServer oidc;

    @ServiceStubs.Inject
    WireMockServer services;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void stubs() {
        People.registerAll(oidc);
        services.resetAll();
        Stubs.answer(services, Stubs.get("/broker/api/v1/entitlements"), Contract.ENTITLEMENTS);
    }

    @Test
    void theCatalogIsSearchable() {
        try (Browser browser = Browser.signedIn(base, People.EMPLOYEE, "/request")) {
            assertThat(((HtmlPage) browser.lastPage()).asNormalizedText())
                    .contains("payments-readonly", "prod-db-admin", "automatic", "needs 2 approvals");

            String found = browser.open("/request?q=DATABASE").asNormalizedText();

            assertThat(found).contains("prod-db-admin").doesNotContain("payments-readonly");
            assertThat(browser.open("/request?q=nothing-like-this").asNormalizedText()).contains("Nothing you may request");
        }
    }

    @Test
    void aPersonsCatalogIsAskedForOnceWhileKeptAndAnotherPersonGetsTheirOwn() {
        try (Browser browser = Browser.signedIn(base, People.EMPLOYEE, "/request")) {
            browser.open("/request?q=DATABASE");
            assertThat(browser.open("/request/payments-readonly").asNormalizedText()).contains("payments-readonly");
        }
        services.verify(1, getRequestedFor(urlPathEqualTo("/broker/api/v1/entitlements"))
                .withHeader("Authorization", WireMock.matching("Bearer .+")));

        try (Browser browser = Browser.signedIn(base, People.APPROVER, "/request")) {
            assertThat(((HtmlPage) browser.lastPage()).asNormalizedText()).contains("payments-readonly");
        }
        services.verify(2, getRequestedFor(urlPathEqualTo("/broker/api/v1/entitlements")));
        List<String> tokens = services.findAll(getRequestedFor(urlPathEqualTo("/broker/api/v1/entitlements")))
                .stream().map(call -> call.getHeader("Authorization")).toList();
        assertThat(tokens).as("each person's catalog is asked for with their own token").doesNotHaveDuplicates();
    }

    @Test
    void thePreviewSaysWhatTheRulesWillDecide() {
        Stubs.answer(services, Stubs.post("/broker/api/v1/requests/dry-run"), Contract.DRY_RUN_NEEDS_APPROVAL);
        try (Browser browser = Browser.signedIn(base, People.EMPLOYEE, "/request/prod-db-admin")) {
            String csrf = browser.csrfToken("/request/prod-db-admin");

            Page preview = browser.post("/request/prod-db-admin/preview",
                    Map.of("csrf-token", csrf, "minutes", "30", "reason", "Rotate the replica", "ticket", "OPS-1"));

            assertThat(preview.getWebResponse().getContentAsString())
                    .contains("Needs 2 approvals from db-owners", "needs 2 approvals from db-owners");
        }
        services.verify(1, postRequestedFor(urlPathEqualTo("/broker/api/v1/requests/dry-run"))
                .withRequestBody(equalToJson("{\"entitlement\":\"prod-db-admin\",\"reason\":\"Rotate the replica\","
                        + "\"durationSeconds\":1800,\"ticket\":\"OPS-1\",\"breakGlass\":false,\"requester\":null,"
                        + "\"groups\":null}")));
    }

    @Test
    void aPreviewOfAnIncompleteFormExplainsAndAsksNothing() {
        try (Browser browser = Browser.signedIn(base, People.EMPLOYEE, "/request/prod-db-admin")) {
            String csrf = browser.csrfToken("/request/prod-db-admin");

            Page preview = browser.post("/request/prod-db-admin/preview",
                    Map.of("csrf-token", csrf, "minutes", "999", "reason", " ", "ticket", ""));

            assertThat(preview.getWebResponse().getContentAsString()).contains("Say why you need this access.",
                    "between 1 and 120 minutes", "needs a ticket reference");
        }
        assertThat(Stubs.writes(services)).isEmpty();
    }

    @Test
    void submittingTheFormSendsTheRequestWithAnIdempotencyKeyAndShowsItsStatus() throws Exception {
        Stubs.answer(services, Stubs.post("/broker/api/v1/requests"), 201, Contract.REQUEST_SUBMITTED);
        try (Browser browser = Browser.signedIn(base, People.EMPLOYEE, "/request/payments-readonly")) {
            HtmlPage form = (HtmlPage) browser.lastPage();
            HtmlForm request = form.getHtmlElementById("request-form");
            request.getTextAreaByName("reason").setText("Investigate INC-42");
            request.getInputByName("minutes").setValue("60");

            HtmlPage result = form.getHtmlElementById("submit-request").click();

            assertThat(result.getHtmlElementById("request-status").asNormalizedText())
                    .contains("payments-readonly", "APPROVED", "approved automatically for payments");
        }
        services.verify(1, postRequestedFor(urlPathEqualTo("/broker/api/v1/requests"))
                .withHeader("Idempotency-Key", matching("[0-9a-f-]{36}"))
                .withHeader("Authorization", matching("Bearer .+"))
                .withRequestBody(equalToJson("{\"entitlement\":\"payments-readonly\",\"reason\":\"Investigate INC-42\","
                        + "\"durationSeconds\":3600,\"ticket\":null}")));
    }

    @Test
    void anInvalidFormIsShownAgainWithReasonsAndNothingIsSent() {
        try (Browser browser = Browser.signedIn(base, People.EMPLOYEE, "/request/payments-readonly")) {
            String csrf = browser.csrfToken("/request/payments-readonly");

            Page page = browser.post("/request/payments-readonly",
                    Map.of("csrf-token", csrf, "minutes", "ten", "reason", "x", "idempotencyKey", "k-123456789"));

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(page.getWebResponse().getContentAsString())
                    .contains("The duration must be a whole number of minutes.");
        }
        assertThat(Stubs.writes(services)).isEmpty();
    }

    @Test
    void anEntitlementOutsideTheCatalogIsNotFound() {
        try (Browser browser = Browser.signedIn(base, People.EMPLOYEE, "/request")) {
            Page page = browser.openAny("/request/no-such-entitlement");

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(404);
            assertThat(page.getWebResponse().getContentAsString()).contains("Not found");
        }
    }

    @Test
    void aRefusalFromTheBrokerIsShownWithItsTitleAndDetail() {
        Stubs.answer(services, Stubs.post("/broker/api/v1/requests"), 422, Contract.PROBLEM_SELF_APPROVAL);
        try (Browser browser = Browser.signedIn(base, People.EMPLOYEE, "/request/payments-readonly")) {
            String csrf = browser.csrfToken("/request/payments-readonly");

            Page page = browser.post("/request/payments-readonly",
                    Map.of("csrf-token", csrf, "minutes", "10", "reason", "why not", "idempotencyKey", "k-123456789"));

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(422);
            assertThat(page.getWebResponse().getContentAsString())
                    .contains("You cannot approve your own request", "Another approver from db-owners")
                    .doesNotContain("Exception", "at io.");
        }
        services.verify(1, WireMock.postRequestedFor(urlPathEqualTo("/broker/api/v1/requests")));
    }
}

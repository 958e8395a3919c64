package io.accessloop.portal.approvals;

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
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ApprovalsPageTest {

    private static final String REQUEST = "req_01JEXAMPLEPENDING";

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
        Stubs.answer(services, Stubs.get("/broker/api/v1/requests"), Contract.PENDING_REQUESTS);
        Stubs.answer(services, Stubs.get("/broker/api/v1/grants"), Contract.REVIEWS_PENDING);
    }

    @Test
    void theInboxListsPendingRequestsWithEverythingNeededToDecideAndEscapesWhatPeopleTyped() {
        try (Browser browser = Browser.signedIn(base, People.APPROVER, "/approvals")) {
            HtmlPage page = (HtmlPage) browser.lastPage();

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(page.asNormalizedText()).contains("erin@example.com asks for prod-db-admin",
                    "ticket OPS-1234", "needs 2 approvals from db-owners", "1 approval so far", "30 min");
            assertThat(page.getWebResponse().getContentAsString())
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
            assertThat(page.querySelectorAll("script")).hasSize(2);
        }
        services.verify(getRequestedFor(urlPathEqualTo("/broker/api/v1/requests"))
                .withQueryParam("mine", equalTo("false")).withQueryParam("status", equalTo("PENDING")));
        services.verify(getRequestedFor(urlPathEqualTo("/broker/api/v1/grants"))
                .withQueryParam("mine", equalTo("false")).withQueryParam("reviewPending", equalTo("true")));
    }

    @Test
    void bothListsCarryTheApproversTokenAndARefusalOfEitherIsShown() {
        try (Browser browser = Browser.signedIn(base, People.APPROVER, "/approvals")) {
            assertThat(((HtmlPage) browser.lastPage()).getWebResponse().getStatusCode()).isEqualTo(200);
            services.verify(getRequestedFor(urlPathEqualTo("/broker/api/v1/requests"))
                    .withHeader("Authorization", WireMock.matching("Bearer .+")));
            services.verify(getRequestedFor(urlPathEqualTo("/broker/api/v1/grants"))
                    .withHeader("Authorization", WireMock.matching("Bearer .+")));

            services.stubFor(Stubs.get("/broker/api/v1/grants").willReturn(
                    WireMock.aResponse().withStatus(403)));
            Page refused = browser.openAny("/approvals/list");

            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(refused.getWebResponse().getContentAsString()).contains("Not allowed")
                    .doesNotContain("erin@example.com asks for");
        }
    }

    @Test
    void theListAloneIsServedForTheLiveRefresh() {
        try (Browser browser = Browser.signedIn(base, People.APPROVER, "/approvals")) {
            Page list = browser.openAny("/approvals/list");

            assertThat(list.getWebResponse().getContentAsString()).contains("erin@example.com asks for prod-db-admin")
                    .doesNotContain("<html");
        }
    }

    @Test
    void approvingSendsTheCommentAndConfirms() throws Exception {
        Stubs.answer(services, Stubs.post("/broker/api/v1/requests/" + REQUEST + "/approve"),
                Contract.REQUEST_APPROVED);
        try (Browser browser = Browser.signedIn(base, People.APPROVER, "/approvals")) {
            HtmlPage page = (HtmlPage) browser.lastPage();
            HtmlForm form = page.getForms().stream()
                    .filter(f -> f.getActionAttribute().equals("/approvals/" + REQUEST + "/approve")).findFirst()
                    .orElseThrow();
            form.getTextAreaByName("comment").setText("go ahead");

            HtmlPage after = form.getOneHtmlElementByAttribute("button", "type", "submit").click();

            assertThat(after.asNormalizedText()).contains("Approved.");
        }
        services.verify(1, postRequestedFor(urlPathEqualTo("/broker/api/v1/requests/" + REQUEST + "/approve"))
                .withRequestBody(equalToJson("{\"comment\":\"go ahead\"}")));
    }

    @Test
    void denyingWithoutACommentIsRefusedBeforeTheBrokerHearsOfIt() {
        try (Browser browser = Browser.signedIn(base, People.APPROVER, "/approvals")) {
            String csrf = browser.csrfToken("/approvals");

            Page page = browser.post("/approvals/" + REQUEST + "/deny", Map.of("csrf-token", csrf, "comment", " "));

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(page.getWebResponse().getContentAsString()).contains("Say why you deny the request");
        }
        assertThat(Stubs.writes(services)).isEmpty();
    }

    @Test
    void theBrokersRefusalIsShownInItsOwnWords() {
        Stubs.answer(services, Stubs.post("/broker/api/v1/requests/" + REQUEST + "/approve"), 422,
                Contract.PROBLEM_SELF_APPROVAL);
        try (Browser browser = Browser.signedIn(base, People.APPROVER, "/approvals")) {
            String csrf = browser.csrfToken("/approvals");

            Page page = browser.post("/approvals/" + REQUEST + "/approve", Map.of("csrf-token", csrf, "comment", ""));

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(422);
            assertThat(page.getWebResponse().getContentAsString()).contains("You cannot approve your own request",
                    "Another approver from db-owners has to decide");
        }
    }

    @Test
    void aMalformedRequestIdIsRefused() {
        try (Browser browser = Browser.signedIn(base, People.APPROVER, "/approvals")) {
            String csrf = browser.csrfToken("/approvals");

            Page page = browser.post("/approvals/..%2Fgrants/approve", Map.of("csrf-token", csrf, "comment", "x"));

            assertThat(page.getWebResponse().getStatusCode()).isIn(400, 404);
        }
        assertThat(Stubs.writes(services)).isEmpty();
    }

    @Test
    void aBreakGlassGrantIsReviewedWithAComment() throws Exception {
        Stubs.answer(services, Stubs.post("/broker/api/v1/grants/grt_01JEXAMPLEBREAKGLASS/review"),
                Contract.GRANT_REVIEWED);
        try (Browser browser = Browser.signedIn(base, People.APPROVER, "/approvals")) {
            HtmlPage page = (HtmlPage) browser.lastPage();
            assertThat(page.asNormalizedText()).contains("erin@example.com used break-glass prod-db-admin");
            HtmlForm form = page.getForms().stream()
                    .filter(f -> f.getActionAttribute().equals("/approvals/grants/grt_01JEXAMPLEBREAKGLASS/review"))
                    .findFirst().orElseThrow();
            form.getTextAreaByName("comment").setText("incident INC-7, justified");

            HtmlPage after = form.getOneHtmlElementByAttribute("button", "type", "submit").click();

            assertThat(after.asNormalizedText()).contains("Review recorded.");
        }
        services.verify(1, postRequestedFor(urlPathEqualTo("/broker/api/v1/grants/grt_01JEXAMPLEBREAKGLASS/review"))
                .withRequestBody(equalToJson("{\"comment\":\"incident INC-7, justified\"}")));
    }
}

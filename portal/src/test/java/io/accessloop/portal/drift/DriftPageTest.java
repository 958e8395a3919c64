package io.accessloop.portal.drift;

import com.github.tomakehurst.wiremock.WireMockServer;
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
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class DriftPageTest {

    private static final String FINDING = "fnd_01JEXAMPLEADMIN";

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
        Stubs.answer(services, Stubs.get("/drift/api/v1/findings"), Contract.FINDINGS);
    }

    @Test
    void findingsAreListedWithTheChosenFiltersAndSortPassedToTheService() {
        try (Browser browser = Browser.signedIn(base, People.SECURITY, "/drift")) {
            assertThat(((HtmlPage) browser.lastPage()).asNormalizedText()).contains("ci-deployer can do * on *",
                    "critical", "admin-wildcard", "More findings");

            HtmlPage filtered = browser.open("/drift?status=SUPPRESSED&severity=high&sort=-openedAt&rule=admin-wildcard");
            assertThat(filtered.getAnchorByText("More findings").getHrefAttribute()).isEqualTo(
                    "/drift?status=SUPPRESSED&severity=high&rule=admin-wildcard&sort=-openedAt&cursor=bzo1MA");
        }
        services.verify(getRequestedFor(urlPathEqualTo("/drift/api/v1/findings"))
                .withQueryParam("status", equalTo("OPEN")).withQueryParam("sort", equalTo("-severity")));
        services.verify(getRequestedFor(urlPathEqualTo("/drift/api/v1/findings"))
                .withQueryParam("status", equalTo("SUPPRESSED")).withQueryParam("severity", equalTo("high"))
                .withQueryParam("sort", equalTo("-openedAt")).withQueryParam("rule", equalTo("admin-wildcard")));
    }

    @Test
    void anUnknownFilterValueIsExplainedAndNotForwarded() {
        try (Browser browser = Browser.signedIn(base, People.SECURITY, "/drift")) {
            services.resetRequests();

            Page page = browser.openAny("/drift?severity=apocalyptic");

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(page.getWebResponse().getContentAsString()).contains("Unknown severity");
        }
        assertThat(services.getAllServeEvents()).isEmpty();
    }

    @Test
    void aSecurityEngineerReadsTheEvidenceAndSuppressesAFinding() throws Exception {
        Stubs.answer(services, Stubs.get("/drift/api/v1/findings/" + FINDING), Contract.FINDING_OPEN);
        Stubs.answer(services, Stubs.post("/drift/api/v1/findings/" + FINDING + "/suppress"),
                Contract.FINDING_SUPPRESSED);
        try (Browser browser = Browser.signedIn(base, People.SECURITY, "/drift/" + FINDING)) {
            HtmlPage page = (HtmlPage) browser.lastPage();
            assertThat(page.asNormalizedText()).contains("\"Action\" : \"*\"", "bob@example.com");
            HtmlForm form = page.getForms().stream()
                    .filter(f -> f.getActionAttribute().endsWith("/suppress")).findFirst().orElseThrow();
            form.getTextAreaByName("reason").setText("migration window");
            form.getInputByName("days").setValue("7");

            form.getOneHtmlElementByAttribute("button", "type", "submit").click();
        }
        services.verify(1, postRequestedFor(urlPathEqualTo("/drift/api/v1/findings/" + FINDING + "/suppress"))
                .withHeader("Idempotency-Key", matching(".{8,}"))
                .withRequestBody(matchingJsonPath("$.reason", equalTo("migration window")))
                .withRequestBody(matchingJsonPath("$.until", matching("\\d{4}-\\d\\d-\\d\\dT.*Z"))));
    }

    @Test
    void anAuditorReadsFindingsButMayNotSuppress() {
        Stubs.answer(services, Stubs.get("/drift/api/v1/findings/" + FINDING), Contract.FINDING_SUPPRESSED);
        try (Browser browser = Browser.signedIn(base, People.AUDITOR, "/drift/" + FINDING)) {
            assertThat(browser.lastPage().getWebResponse().getStatusCode()).isEqualTo(200);
            Stubs.answer(services, Stubs.get("/broker/api/v1/entitlements"), Contract.ENTITLEMENTS);
            String csrf = browser.csrfToken("/request/payments-readonly");

            Page page = browser.post("/drift/" + FINDING + "/suppress",
                    Map.of("csrf-token", csrf, "reason", "because", "days", "7"));

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(403);
        }
        assertThat(Stubs.writes(services)).isEmpty();
    }

    @Test
    void anUnreachableServiceGivesAFriendlyPageNotAStackTrace() {
        services.stubFor(Stubs.get("/drift/api/v1/findings").atPriority(1).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        try (Browser browser = Browser.signedIn(base, People.SECURITY, "/drift")) {
            Page page = browser.lastPage();

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(503);
            assertThat(page.getWebResponse().getContentAsString()).contains("A service is not answering")
                    .doesNotContain("Exception", "at io.");
        }
    }
}

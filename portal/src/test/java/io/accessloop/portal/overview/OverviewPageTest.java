package io.accessloop.portal.overview;

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
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class OverviewPageTest {

    private static final String ACCESS = "io.accessloop.access.";

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
        Stubs.answer(services, Stubs.get("/broker/api/v1/grants"), Contract.ACTIVE_GRANTS);
        Stubs.answer(services, Stubs.get("/drift/api/v1/findings").withQueryParam("cursor", absent()),
                Contract.FINDINGS);
        Stubs.answer(services, Stubs.get("/drift/api/v1/findings").withQueryParam("cursor", equalTo("bzo1MA")),
                Contract.FINDINGS_LAST_PAGE);
        ledger("request.submitted.v1", Contract.LEDGER_SUBMITTED);
        ledger("grant.activated.v1", Contract.LEDGER_ACTIVATED);
        ledger("grant.released.v1", Contract.LEDGER_RELEASED);
        ledger("grant.revoked.v1", Contract.LEDGER_REVOKED);
        ledger("grant.expired.v1", Contract.LEDGER_EXPIRED);
    }

    private void ledger(String kind, Contract answer) {
        Stubs.answer(services, Stubs.get("/lifecycle/api/v1/audit").withQueryParam("kind", equalTo(ACCESS + kind)),
                answer);
    }

    @Test
    void countsNowAndInTheWindowComeFromTheServices() {
        try (Browser browser = Browser.signedIn(base, People.SECURITY, "/overview")) {
            HtmlPage page = (HtmlPage) browser.lastPage();

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(page.getHtmlElementById("count-active").asNormalizedText()).isEqualTo("2");
            assertThat(page.getHtmlElementById("count-started").asNormalizedText()).isEqualTo("2");
            assertThat(page.getHtmlElementById("count-ended").asNormalizedText()).isEqualTo("3");
            assertThat(page.getHtmlElementById("count-findings").asNormalizedText()).as("both pages counted")
                    .isEqualTo("2");
        }
    }

    @Test
    void timeToGrantAndTimeToRevokeAreMeasuredFromTheLedger() {
        try (Browser browser = Browser.signedIn(base, People.AUDITOR, "/overview")) {
            String text = ((HtmlPage) browser.lastPage()).asNormalizedText();

            // requests: 400 ms (automatic) and 12 min 30 s (waited for an approver)
            assertThat(text).contains("over 2 grants: median 400 ms, 90% within 12 min 30 s, longest 12 min 30 s");
            // ends: hand-back 250 ms, revocation 1.5 s, expiry 3 s
            assertThat(text).contains("over 3 ended grants: median 1.5 s, 90% within 3.0 s, longest 3.0 s");
        }
    }

    @Test
    void everyChartIsAnSvgImageWithATitleAndATableBesideIt() {
        try (Browser browser = Browser.signedIn(base, People.ADMIN, "/overview")) {
            HtmlPage page = (HtmlPage) browser.lastPage();

            var charts = page.querySelectorAll("svg[role=img]");
            assertThat(charts).hasSize(4);
            for (var chart : charts) {
                DomElement svg = (DomElement) chart;
                String[] labels = svg.getAttribute("aria-labelledby").split(" ");
                assertThat(page.getElementById(labels[0]).getTextContent()).isNotBlank();
                assertThat(page.getElementById(labels[1]).getTextContent()).isNotBlank();
            }
            assertThat(page.getElementById("active-desc").getTextContent()).contains("2 now");
            assertThat(page.querySelectorAll("details table")).hasSize(4);
            assertThat(page.getElementById("sev-title").getTextContent()).isEqualTo("Open findings by severity");
            String severities = page.querySelectorAll("details table").get(3).asNormalizedText();
            assertThat(severities).contains("critical\t1", "high\t1", "medium\t0", "low\t0");
            assertThat(page.querySelectorAll("script")).as("no chart library, only the app's own scripts")
                    .hasSize(2);
            assertThat(page.getWebResponse().getContentAsString()).doesNotContain("https://");
        }
    }

    @Test
    void eachEventKindIsAskedForOnceWithTheWindow() {
        try (Browser browser = Browser.signedIn(base, People.SECURITY, "/overview?days=30")) {
            assertThat(browser.lastPage().getWebResponse().getStatusCode()).isEqualTo(200);
        }
        for (String kind : new String[]{"request.submitted.v1", "grant.activated.v1", "grant.released.v1",
                "grant.revoked.v1", "grant.expired.v1"}) {
            services.verify(1, getRequestedFor(urlPathEqualTo("/lifecycle/api/v1/audit"))
                    .withQueryParam("kind", equalTo(ACCESS + kind))
                    .withQueryParam("from", matching("20\\d\\d-.*Z")).withQueryParam("to", matching("20\\d\\d-.*Z"))
                    .withQueryParam("limit", equalTo("500")));
        }
        var asked = services.findAll(getRequestedFor(urlPathEqualTo("/lifecycle/api/v1/audit"))).get(0);
        Instant from = Instant.parse(asked.queryParameter("from").firstValue());
        Instant to = Instant.parse(asked.queryParameter("to").firstValue());
        assertThat(Duration.between(from, to)).isEqualTo(Duration.ofDays(30));
        services.verify(getRequestedFor(urlPathEqualTo("/drift/api/v1/findings"))
                .withQueryParam("status", equalTo("OPEN")).withQueryParam("limit", equalTo("200")));
        services.verify(getRequestedFor(urlPathEqualTo("/broker/api/v1/grants"))
                .withQueryParam("mine", equalTo("false")).withQueryParam("status", equalTo("ACTIVE")));
    }

    @Test
    void anUnknownWindowIsRefusedBeforeAnyServiceIsAsked() {
        try (Browser browser = Browser.signedIn(base, People.SECURITY, "/access")) {
            services.resetRequests();

            Page page = browser.openAny("/overview?days=5");

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(page.getWebResponse().getContentAsString()).contains("Choose a window of 1, 7 or 30 days.");
        }
        assertThat(services.getAllServeEvents()).isEmpty();
    }
}

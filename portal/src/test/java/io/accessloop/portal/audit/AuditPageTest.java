package io.accessloop.portal.audit;

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
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class AuditPageTest {

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
        Stubs.answer(services, Stubs.get("/lifecycle/api/v1/audit"), Contract.AUDIT);
    }

    @Test
    void anAuditorSearchesTheLedgerByPersonAndTime() {
        try (Browser browser = Browser.signedIn(base, People.AUDITOR, "/audit")) {
            HtmlPage page = browser.open("/audit?identity=erin@example.com&from=2026-12-04T00:00:00Z");

            assertThat(page.asNormalizedText()).contains("io.accessloop.access.grant.activated.v1", "erin@example.com",
                    "Older entries");
            assertThat(page.getAnchorByText("Export CSV").getHrefAttribute())
                    .isEqualTo("/audit/export?format=csv&identity=erin%40example.com&from=2026-12-04T00%3A00%3A00Z");
        }
        services.verify(getRequestedFor(urlPathEqualTo("/lifecycle/api/v1/audit"))
                .withQueryParam("identity", equalTo("erin@example.com"))
                .withQueryParam("from", equalTo("2026-12-04T00:00:00Z")).withQueryParam("to", absent()));
    }

    @Test
    void aTimeThatIsNotAnInstantIsExplained() {
        try (Browser browser = Browser.signedIn(base, People.AUDITOR, "/audit")) {
            services.resetRequests();

            Page page = browser.openAny("/audit?from=yesterday");

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(page.getWebResponse().getContentAsString()).contains("must be a UTC time");
        }
        assertThat(services.getAllServeEvents()).isEmpty();
    }

    @Test
    void verificationReportsWhereTheChainBreaks() {
        Stubs.answer(services, Stubs.get("/lifecycle/api/v1/audit/verify"), Contract.VERIFY_BROKEN);
        try (Browser browser = Browser.signedIn(base, People.AUDITOR, "/audit")) {
            Page page = browser.openAny("/audit/verify");

            assertThat(page.getWebResponse().getContentAsString()).contains("broken at entry #17", "HASH_MISMATCH",
                    "entry 17&#39;s content does not match its hash");
        }
    }

    @Test
    void theExportIsPassedThroughAsADownload() {
        services.stubFor(Stubs.get("/lifecycle/api/v1/audit/export").willReturn(aResponse()
                .withHeader("Content-Type", "text/csv").withBody("seq,id\r\n\"42\",\"evt_1\"\r\n")));
        try (Browser browser = Browser.signedIn(base, People.AUDITOR, "/audit")) {
            Page page = browser.openAny("/audit/export?format=csv&kind=grant");

            assertThat(page.getWebResponse().getContentType()).isEqualTo("text/csv");
            assertThat(page.getWebResponse().getResponseHeaderValue("Content-Disposition"))
                    .isEqualTo("attachment; filename=\"audit.csv\"");
            assertThat(page.getWebResponse().getContentAsString()).isEqualTo("seq,id\r\n\"42\",\"evt_1\"\r\n");
        }
        services.verify(getRequestedFor(urlPathEqualTo("/lifecycle/api/v1/audit/export"))
                .withQueryParam("format", equalTo("csv")).withQueryParam("kind", equalTo("grant")));
    }
}

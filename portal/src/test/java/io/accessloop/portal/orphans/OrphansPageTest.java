package io.accessloop.portal.orphans;

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

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class OrphansPageTest {

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
        Stubs.answer(services, Stubs.get("/lifecycle/api/v1/orphans"), Contract.ORPHANS);
    }

    @Test
    void orphanedRolesShowWhyAndWhatShouldHappenWithEverythingEscaped() {
        try (Browser browser = Browser.signedIn(base, People.SECURITY, "/orphans")) {
            HtmlPage page = (HtmlPage) browser.lastPage();

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(page.getHtmlElementById("orphan-fnd_01JEXAMPLEORPHAN1").asNormalizedText())
                    .contains("role/nightly-export", "owner former-employee@example.com left the company",
                            "retire workload nightly-export", "OPEN");
            assertThat(page.getWebResponse().getContentAsString()).contains("&lt;b&gt;untagged&lt;/b&gt;")
                    .doesNotContain("<b>untagged</b>");
        }
        services.verify(getRequestedFor(urlPathEqualTo("/lifecycle/api/v1/orphans"))
                .withQueryParam("status", equalTo("OPEN")));
    }

    @Test
    void theStatusFilterIsPassedOn() {
        try (Browser browser = Browser.signedIn(base, People.AUDITOR, "/orphans?status=ALL")) {
            assertThat(browser.lastPage().getWebResponse().getStatusCode()).isEqualTo(200);
        }
        services.verify(getRequestedFor(urlPathEqualTo("/lifecycle/api/v1/orphans"))
                .withQueryParam("status", equalTo("ALL")));
    }

    @Test
    void anUnknownStatusIsRefusedBeforeLifecycleIsAsked() {
        try (Browser browser = Browser.signedIn(base, People.ADMIN, "/orphans")) {
            services.resetRequests();

            Page page = browser.openAny("/orphans?status=ANY");

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(page.getWebResponse().getContentAsString()).contains("Choose OPEN, RESOLVED or ALL.");
        }
        assertThat(services.getAllServeEvents()).isEmpty();
    }
}

package io.accessloop.portal.people;

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

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class PeoplePageTest {

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
        Stubs.answer(services, Stubs.get("/lifecycle/api/v1/identities/erin@example.com/timeline"), Contract.TIMELINE);
    }

    @Test
    void anAuditorReadsAPersonsTimeline() {
        try (Browser browser = Browser.signedIn(base, People.AUDITOR, "/people")) {
            HtmlPage page = browser.open("/people?email=Erin@Example.com");

            assertThat(page.getHtmlElementById("person-status").asNormalizedText()).contains("ACTIVE", "payments",
                    "E-1001");
            assertThat(page.asNormalizedText()).contains("io.accessloop.access.grant.activated.v1",
                    "grt_01JEXAMPLENEW");
            assertThat(page.getAnchorByText("Older entries").getHrefAttribute())
                    .isEqualTo("/people?email=erin%40example.com&cursor=42");
        }
        services.verify(1, getRequestedFor(urlPathEqualTo("/lifecycle/api/v1/identities/erin@example.com/timeline")));
    }

    @Test
    void somethingThatIsNotAnAddressIsRefusedWithoutAskingTheService() {
        try (Browser browser = Browser.signedIn(base, People.AUDITOR, "/people")) {
            Page page = browser.openAny("/people?email=..%2Fadmin");

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(400);
        }
        assertThat(services.getAllServeEvents()).isEmpty();
    }
}

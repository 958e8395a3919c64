package io.accessloop.portal.grants;

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
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class GrantsPageTest {

    private static final String GRANT = "grt_01JEXAMPLEOTHER";

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
    }

    @Test
    void anApproverSeesTheActiveGrantsTheyOverseeWithARevokeFormEach() {
        try (Browser browser = Browser.signedIn(base, People.APPROVER, "/grants")) {
            HtmlPage page = (HtmlPage) browser.lastPage();

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(page.getHtmlElementById("grant-" + GRANT).asNormalizedText())
                    .contains("mallory@example.com", "prod-db-admin", "break-glass");
            assertThat(page.getForms()).extracting(HtmlForm::getActionAttribute)
                    .contains("/grants/grt_01JEXAMPLEACTIVE/revoke", "/grants/" + GRANT + "/revoke");
        }
        services.verify(getRequestedFor(urlPathEqualTo("/broker/api/v1/grants"))
                .withQueryParam("mine", equalTo("false")).withQueryParam("status", equalTo("ACTIVE")));
    }

    @Test
    void revokingSendsTheReasonAndConfirms() throws Exception {
        Stubs.answer(services, Stubs.post("/broker/api/v1/grants/" + GRANT + "/revoke"), Contract.GRANT_REVOKED);
        try (Browser browser = Browser.signedIn(base, People.ADMIN, "/grants")) {
            HtmlPage page = (HtmlPage) browser.lastPage();
            HtmlForm form = page.getForms().stream()
                    .filter(f -> f.getActionAttribute().equals("/grants/" + GRANT + "/revoke")).findFirst()
                    .orElseThrow();
            form.getInputByName("reason").setValue("  incident closed ");

            HtmlPage after = page.getHtmlElementById("revoke-" + GRANT).click();

            assertThat(after.asNormalizedText()).contains("Revoked. The grant's sessions are denied now.");
        }
        services.verify(1, postRequestedFor(urlPathEqualTo("/broker/api/v1/grants/" + GRANT + "/revoke"))
                .withRequestBody(equalToJson("{\"reason\":\"incident closed\"}")));
    }

    @Test
    void aRevocationWithoutAReasonIsRefusedBeforeTheBrokerHearsOfIt() {
        try (Browser browser = Browser.signedIn(base, People.SECURITY, "/grants")) {
            String csrf = browser.csrfToken("/grants");

            Page page = browser.post("/grants/" + GRANT + "/revoke", Map.of("csrf-token", csrf, "reason", " "));

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(page.getWebResponse().getContentAsString()).contains("Say why you end this access");
        }
        assertThat(Stubs.writes(services)).isEmpty();
    }

    @Test
    void aMalformedGrantIdIsRefused() {
        try (Browser browser = Browser.signedIn(base, People.SECURITY, "/grants")) {
            String csrf = browser.csrfToken("/grants");

            Page page = browser.post("/grants/req_01JEXAMPLE/revoke", Map.of("csrf-token", csrf, "reason", "x"));

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(400);
        }
        assertThat(Stubs.writes(services)).isEmpty();
    }

    @Test
    void anAuditorReadsTheListButCannotRevoke() {
        Stubs.answer(services, Stubs.get("/broker/api/v1/requests"), Contract.MY_REQUESTS);
        try (Browser browser = Browser.signedIn(base, People.AUDITOR, "/grants")) {
            HtmlPage page = (HtmlPage) browser.lastPage();
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(page.asNormalizedText()).contains("mallory@example.com");
            assertThat(page.getForms()).extracting(HtmlForm::getActionAttribute)
                    .noneMatch(action -> action.endsWith("/revoke"));
            String csrf = browser.csrfToken("/access");

            Page refused = browser.post("/grants/" + GRANT + "/revoke", Map.of("csrf-token", csrf, "reason", "x"));

            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
        }
        assertThat(Stubs.writes(services)).isEmpty();
    }

    @Test
    void aRevocationWithoutTheCsrfTokenChangesNothing() {
        try (Browser browser = Browser.signedIn(base, People.ADMIN, "/grants")) {
            Page page = browser.post("/grants/" + GRANT + "/revoke", Map.of("reason", "no token"));

            assertThat(page.getWebResponse().getStatusCode()).isIn(400, 403);
        }
        assertThat(Stubs.writes(services)).isEmpty();
    }
}

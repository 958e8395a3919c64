package io.accessloop.portal.offboarding;

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

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class OffboardingPageTest {

    private static final String CASE = "case_01JEXAMPLELEAVER";

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
        Stubs.answer(services, Stubs.get("/lifecycle/api/v1/offboarding/" + CASE), Contract.OFFBOARDING_CASE);
    }

    @Test
    void aCaseShowsItsStatusAndTheStepsDoneSoFar() {
        try (Browser browser = Browser.signedIn(base, People.AUDITOR, "/offboarding?case=" + CASE)) {
            HtmlPage page = (HtmlPage) browser.lastPage();

            assertThat(page.getUrl().getPath()).isEqualTo("/offboarding/" + CASE);
            assertThat(page.getHtmlElementById("case-status").asNormalizedText()).isEqualTo("RUNNING");
            assertThat(page.asNormalizedText()).contains("lena@example.com", "next: FLAG_OWNED_ROLES",
                    "REVOKE_ACCESS", "grt_01JEXAMPLEACTIVE revoked", "CLEAN_IAM_USERS");
            assertThat(browser.open("/offboarding").getForms()).as("auditors look up cases, they do not start them")
                    .extracting(HtmlForm::getMethodAttribute).containsExactly("get");
        }
    }

    @Test
    void aSecurityEngineerStartsACaseAndFollowsIt() throws Exception {
        Stubs.answer(services, Stubs.post("/lifecycle/api/v1/offboarding"), 201, Contract.OFFBOARDING_CASE);
        try (Browser browser = Browser.signedIn(base, People.SECURITY, "/offboarding")) {
            HtmlPage page = (HtmlPage) browser.lastPage();
            HtmlForm form = page.getForms().stream().filter(f -> f.getMethodAttribute().equals("post")).findFirst()
                    .orElseThrow();
            form.getInputByName("email").setValue(" Lena@Example.com ");
            form.getInputByName("employeeId").setValue("E-1042");
            form.getTextAreaByName("reason").setText("Left the company");

            HtmlPage after = form.getOneHtmlElementByAttribute("button", "type", "submit").click();

            assertThat(after.getUrl().getPath()).isEqualTo("/offboarding/" + CASE);
        }
        services.verify(1, postRequestedFor(urlPathEqualTo("/lifecycle/api/v1/offboarding"))
                .withHeader("Idempotency-Key", matching(".{8,}"))
                .withRequestBody(equalToJson("{\"email\":\"lena@example.com\",\"employeeId\":\"E-1042\","
                        + "\"effectiveAt\":null,\"reason\":\"Left the company\"}")));
    }

    @Test
    void anAuditorCannotStartACase() {
        try (Browser browser = Browser.signedIn(base, People.AUDITOR, "/offboarding")) {
            Stubs.answer(services, Stubs.get("/broker/api/v1/entitlements"), Contract.ENTITLEMENTS);
            String csrf = browser.csrfToken("/request/payments-readonly");

            Page page = browser.post("/offboarding",
                    Map.of("csrf-token", csrf, "email", "lena@example.com", "reason", "because"));

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(403);
        }
        assertThat(Stubs.writes(services)).isEmpty();
    }

    @Test
    void anAddressThatIsNotAnEmailIsRefused() {
        try (Browser browser = Browser.signedIn(base, People.SECURITY, "/offboarding")) {
            String csrf = browser.csrfToken("/offboarding");

            Page page = browser.post("/offboarding", Map.of("csrf-token", csrf, "email", "lena", "reason", "x"));

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(page.getWebResponse().getContentAsString()).contains("Enter the person&#39;s e-mail address.");
        }
        assertThat(Stubs.writes(services)).isEmpty();
    }
}

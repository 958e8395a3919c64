package io.accessloop.portal.access;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.accessloop.portal.support.Browser;
import io.accessloop.portal.support.Contract;
import io.accessloop.portal.support.People;
import io.accessloop.portal.support.ServiceStubs;
import io.accessloop.portal.support.Stubs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class MyAccessPageTest {

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
        Stubs.answer(services, Stubs.get("/broker/api/v1/grants"), Contract.MY_GRANTS);
        Stubs.answer(services, Stubs.get("/broker/api/v1/requests"), Contract.MY_REQUESTS);
    }

    @Test
    void anEmployeeSeesTheirActiveGrantsWithACountdownAndTheirRequests() {
        try (Browser browser = Browser.signedIn(base, People.EMPLOYEE, "/access")) {
            HtmlPage page = (HtmlPage) browser.lastPage();

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(page.getTitleText()).startsWith("My access");
            String text = page.asNormalizedText();
            assertThat(text).contains("payments-readonly", "erin@example.com", "prod-db-admin", "PENDING",
                    "needs 2 approvals from db-owners");
            assertThat(page.getElementById("grant-grt_01JEXAMPLEACTIVE")).isNotNull();
            assertThat(page.getElementById("grant-grt_01JEXAMPLEEXPIRED")).as("ended grants are not listed").isNull();
            assertThat((Object) page.querySelector("time[data-ends-at='2026-12-04T10:00:00Z']")).isNotNull();
        }
        services.verify(WireMock.getRequestedFor(urlPathEqualTo("/broker/api/v1/grants"))
                .withQueryParam("mine", equalTo("true"))
                .withHeader("Authorization", WireMock.matching("Bearer .+")));
    }

    @Test
    void bothListsAreAskedForAtOnceEachWithThePersonsToken() {
        int answerAfterMillis = 1500;
        services.stubFor(Stubs.get("/broker/api/v1/grants").willReturn(WireMock.aResponse()
                .withHeader("Content-Type", "application/json").withBody(Contract.MY_GRANTS.body())
                .withFixedDelay(answerAfterMillis)));
        services.stubFor(Stubs.get("/broker/api/v1/requests").willReturn(WireMock.aResponse()
                .withHeader("Content-Type", "application/json").withBody(Contract.MY_REQUESTS.body())
                .withFixedDelay(answerAfterMillis)));

        try (Browser browser = Browser.signedIn(base, People.EMPLOYEE, "/access")) {
            assertThat(((HtmlPage) browser.lastPage()).asNormalizedText()).contains("payments-readonly", "PENDING");
        }

        List<ServeEvent> calls = services.getAllServeEvents();
        assertThat(calls).hasSize(2);
        assertThat(calls).allSatisfy(call -> assertThat(call.getRequest().getHeader("Authorization"))
                .startsWith("Bearer ").hasSizeGreaterThan(20));
        long first = calls.stream().mapToLong(c -> c.getRequest().getLoggedDate().getTime()).min().orElseThrow();
        long second = calls.stream().mapToLong(c -> c.getRequest().getLoggedDate().getTime()).max().orElseThrow();
        assertThat(second).as("the second list was asked for before the first one was answered")
                .isLessThan(first + answerAfterMillis);
    }

    @Test
    void whenOneListCannotBeReadThePageSaysSoAndShowsNoHalfPage() {
        services.stubFor(Stubs.get("/broker/api/v1/requests").willReturn(WireMock.aResponse().withStatus(503)));

        try (Browser browser = Browser.signedIn(base, People.EMPLOYEE, "/access")) {
            HtmlPage page = (HtmlPage) browser.lastPage();

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(503);
            assertThat(page.asNormalizedText()).contains("The service could not answer")
                    .doesNotContain("payments-readonly", "Exception");
        }
    }

    @Test
    void whenTheBrokerCannotBeReachedThePageSaysSo() {
        services.stubFor(Stubs.get("/broker/api/v1/grants").willReturn(WireMock.aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));

        try (Browser browser = Browser.signedIn(base, People.EMPLOYEE, "/access")) {
            HtmlPage page = (HtmlPage) browser.lastPage();

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(503);
            assertThat(page.asNormalizedText()).contains("A service is not answering").doesNotContain("Exception");
        }
    }

    @Test
    void theCliSetUpHintNamesThisInstallationsBrokerAndIssuerAndAnEntitlementOfThePerson() {
        try (Browser browser = Browser.signedIn(base, People.EMPLOYEE, "/access")) {
            HtmlPage page = (HtmlPage) browser.lastPage();

            String hint = page.getHtmlElementById("cli-setup").getTextContent();
            String brokerUrl = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getValue("accessloop.portal.broker-url", String.class);
            String issuer = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getValue("quarkus.oidc.auth-server-url", String.class).replaceAll("/$", "");
            assertThat(hint).contains("export ACCESSLOOP_BROKER_URL=" + brokerUrl,
                    "export ACCESSLOOP_ISSUER=" + issuer + "\n", "accessloop login",
                    "accessloop configure --profile accessloop-payments-readonly --entitlement payments-readonly",
                    "aws --profile accessloop-payments-readonly sts get-caller-identity", "credential_process");
        }
    }

    @Test
    void theSignedInPersonsAccessTokenIsWhatTheBrokerReceives() {
        try (Browser browser = Browser.signedIn(base, People.EMPLOYEE, "/access")) {
            assertThat(browser.lastPage().getWebResponse().getStatusCode()).isEqualTo(200);
        }
        var calls = services.findAll(WireMock.getRequestedFor(urlPathEqualTo("/broker/api/v1/grants")));
        assertThat(calls).isNotEmpty();
        String token = calls.get(0).getHeader("Authorization").substring("Bearer ".length());
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims).contains("\"email\":\"erin@example.com\"").contains("payments");
    }

    @Test
    void handingBackReleasesTheGrantAndSaysSo() throws Exception {
        Stubs.answer(services, Stubs.post("/broker/api/v1/grants/grt_01JEXAMPLEACTIVE/release"),
                Contract.GRANT_RELEASED);
        try (Browser browser = Browser.signedIn(base, People.EMPLOYEE, "/access")) {
            HtmlPage page = (HtmlPage) browser.lastPage();
            HtmlForm release = page.getForms().stream()
                    .filter(f -> f.getActionAttribute().endsWith("/grt_01JEXAMPLEACTIVE/release")).findFirst()
                    .orElseThrow();
            HtmlPage after = release.getOneHtmlElementByAttribute("button", "type", "submit").click();

            assertThat(after.getUrl().toString()).endsWith("/access?notice=released");
            assertThat(after.asNormalizedText()).contains("You handed the access back");
        }
        services.verify(1, postRequestedFor(urlPathEqualTo("/broker/api/v1/grants/grt_01JEXAMPLEACTIVE/release")));
    }

    @Test
    void cliCredentialsAreShownOnceAsExportsAndACredentialProcessProfileAndNeverCached() throws Exception {
        Stubs.answer(services, Stubs.post("/broker/api/v1/grants/grt_01JEXAMPLEACTIVE/credentials"),
                Contract.GRANT_CREDENTIALS);
        try (Browser browser = Browser.signedIn(base, People.EMPLOYEE, "/access")) {
            HtmlPage page = (HtmlPage) browser.lastPage();
            HtmlForm form = page.getForms().stream()
                    .filter(f -> f.getActionAttribute().endsWith("/grt_01JEXAMPLEACTIVE/credentials")).findFirst()
                    .orElseThrow();
            HtmlPage shown = form.getOneHtmlElementByAttribute("button", "type", "submit").click();

            assertThat(shown.getWebResponse().getResponseHeaderValue("Cache-Control")).isEqualTo("no-store");
            assertThat(shown.asNormalizedText()).contains("export AWS_ACCESS_KEY_ID=ASIAEXAMPLEEXAMPLE01",
                    "export AWS_SECRET_ACCESS_KEY=exampleSecretKeyShownOnce0123456789abcdef",
                    "credential_process = cat ~/.aws/accessloop-payments-readonly.json", "\"Version\" : 1");
            assertThat(shown.getTitleText()).startsWith("Credentials for payments-readonly");

            String csrf = page.<org.htmlunit.html.HtmlInput>getFirstByXPath("//input[@name='csrf-token']").getValue();
            org.htmlunit.WebRequest htmx = new org.htmlunit.WebRequest(
                    new URL(base, "/access/grants/grt_01JEXAMPLEACTIVE/credentials"), org.htmlunit.HttpMethod.POST);
            htmx.setAdditionalHeader("HX-Request", "true");
            htmx.setRequestParameters(java.util.List.of(new org.htmlunit.util.NameValuePair("csrf-token", csrf)));
            String panel = browser.client().getPage(htmx).getWebResponse().getContentAsString();
            assertThat(panel).contains("Shown once.").doesNotContain("<html");
        }
    }

    @Test
    void consoleSignInSendsTheBrowserToTheSignedFederationUrl() {
        Stubs.answer(services, Stubs.get("/broker/api/v1/grants/grt_01JEXAMPLEACTIVE/console"), Contract.CONSOLE_LINK);
        try (Browser browser = Browser.signedIn(base, People.EMPLOYEE, "/access")) {
            String csrf = ((HtmlPage) browser.lastPage()).<org.htmlunit.html.HtmlInput>getFirstByXPath(
                    "//input[@name='csrf-token']").getValue();
            browser.client().getOptions().setRedirectEnabled(false);

            var page = browser.post("/access/grants/grt_01JEXAMPLEACTIVE/console", java.util.Map.of("csrf-token", csrf));

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(303);
            assertThat(page.getWebResponse().getResponseHeaderValue("Location"))
                    .startsWith("https://signin.aws.amazon.com/federation?Action=login");
        }
    }

    @Test
    void extendingAsksTheBrokerForMoreTimeWithTheReason() throws Exception {
        Stubs.answer(services, Stubs.post("/broker/api/v1/grants/grt_01JEXAMPLEACTIVE/extend"), 201,
                Contract.EXTENSION_REQUESTED);
        try (Browser browser = Browser.signedIn(base, People.EMPLOYEE, "/access")) {
            HtmlPage page = (HtmlPage) browser.lastPage();
            HtmlForm extend = page.getForms().stream()
                    .filter(f -> f.getActionAttribute().endsWith("/grt_01JEXAMPLEACTIVE/extend")).findFirst()
                    .orElseThrow();
            extend.getInputByName("minutes").setValue("30");
            extend.getInputByName("reason").setValue("The investigation takes longer");

            HtmlPage after = extend.getOneHtmlElementByAttribute("button", "type", "submit").click();

            assertThat(after.asNormalizedText()).contains("Your access was extended.");
        }
        services.verify(1, postRequestedFor(urlPathEqualTo("/broker/api/v1/grants/grt_01JEXAMPLEACTIVE/extend"))
                .withRequestBody(WireMock.equalToJson(
                        "{\"durationSeconds\":1800,\"reason\":\"The investigation takes longer\"}")));
    }

    @Test
    void anExtensionBeyondTwelveHoursIsRefusedBeforeTheBrokerIsAsked() {
        try (Browser browser = Browser.signedIn(base, People.EMPLOYEE, "/access")) {
            String csrf = ((HtmlPage) browser.lastPage()).<org.htmlunit.html.HtmlInput>getFirstByXPath(
                    "//input[@name='csrf-token']").getValue();

            var page = browser.post("/access/grants/grt_01JEXAMPLEACTIVE/extend",
                    java.util.Map.of("csrf-token", csrf, "minutes", "721", "reason", "long"));

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(page.getWebResponse().getContentAsString()).contains("Extend by 1 to 720 minutes.");
        }
        assertThat(Stubs.writes(services)).isEmpty();
    }

    @Test
    void aPendingRequestIsWithdrawn() throws Exception {
        Stubs.answer(services, Stubs.post("/broker/api/v1/requests/req_01JEXAMPLEPENDING/cancel"),
                Contract.REQUEST_CANCELLED);
        try (Browser browser = Browser.signedIn(base, People.EMPLOYEE, "/access")) {
            HtmlPage page = (HtmlPage) browser.lastPage();
            HtmlForm withdraw = page.getForms().stream()
                    .filter(f -> f.getActionAttribute().equals("/access/requests/req_01JEXAMPLEPENDING/cancel"))
                    .findFirst().orElseThrow();

            HtmlPage after = withdraw.getOneHtmlElementByAttribute("button", "type", "submit").click();

            assertThat(after.asNormalizedText()).contains("Your request was withdrawn.");
        }
        services.verify(1, postRequestedFor(urlPathEqualTo("/broker/api/v1/requests/req_01JEXAMPLEPENDING/cancel"))
                .withRequestBody(WireMock.equalToJson("{\"reason\":\"withdrawn by the requester\"}")));
    }
}

package io.accessloop.portal.web;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.accessloop.portal.support.Browser;
import io.accessloop.portal.support.Contract;
import io.accessloop.portal.support.People;
import io.accessloop.portal.support.ServiceStubs;
import io.accessloop.portal.support.Stubs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class SignInTest {

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
    void aVisitorIsSentToTheIdentityProvidersAuthorizationEndpoint() {
        var response = RestAssured.given().redirects().follow(false).get("/access");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.header("Location")).contains("/auth/realms/quarkus").contains("response_type=code")
                .contains("client_id=quarkus-web-app").contains("scope=openid")
                .contains("code_challenge_method=S256").contains("code_challenge=");
        assertThat(services.getAllServeEvents()).isEmpty();
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        try (Browser browser = Browser.signedIn(base, People.EMPLOYEE, "/access")) {
            var session = browser.client().getCookieManager().getCookies().stream()
                    .filter(c -> c.getName().startsWith("q_session")).findFirst().orElseThrow();

            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualToIgnoringCase("lax");
            assertThat(browser.lastPage().getWebResponse().getContentAsString()).contains("erin@example.com");
        }
    }

    @Test
    void pagesCarryBrowserHardeningHeaders() {
        var response = RestAssured.given().redirects().follow(false).get("/access");

        assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void probesAndAssetsNeedNoSignIn() {
        assertThat(RestAssured.get("/q/health/ready").statusCode()).isEqualTo(200);
        assertThat(RestAssured.get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(RestAssured.get("/static/portal.css").statusCode()).isEqualTo(200);
    }

    @Test
    void assetsAndProbesAreServedWithoutReadingTheSession() {
        // a session cookie the portal cannot decrypt: a page sends the visitor to sign in again, while assets and
        // probes neither read nor clear it, so no sign-in work is spent on them
        String broken = "not-a-session-the-portal-made";
        var page = RestAssured.given().redirects().follow(false).cookie("q_session", broken).get("/access");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.header("Location")).contains("response_type=code");

        for (String path : List.of("/static/portal.css", "/webjars/htmx.org/dist/htmx.min.js", "/q/health/ready")) {
            var answer = RestAssured.given().redirects().follow(false).cookie("q_session", broken).get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.headers().getValues("Set-Cookie")).as(path).noneMatch(c -> c.startsWith("q_session"));
        }
    }

    @Test
    void signingOutEndsTheSession() {
        try (Browser browser = Browser.signedIn(base, People.EMPLOYEE, "/access")) {
            browser.client().getOptions().setRedirectEnabled(false);

            var page = browser.openAny("/logout");

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(302);
            assertThat(browser.client().getCookieManager().getCookies())
                    .noneMatch(c -> c.getName().startsWith("q_session"));
        }
    }
}

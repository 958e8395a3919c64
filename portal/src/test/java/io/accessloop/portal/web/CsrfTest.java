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
import org.htmlunit.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URL;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every form refuses a post without its CSRF token, or with a forged one, and sends nothing to any service. */
@QuarkusTest
class CsrfTest {

    @OidcWireMock
    WireMockServer oidc;

    @ServiceStubs.Inject
    WireMockServer services;

    @TestHTTPResource("/")
    URL base;

    private static final String PROPOSAL = "prp_0193a1b2c3d4e5f60718";

    @BeforeEach
    void stubs() {
        People.registerAll(oidc);
        services.resetAll();
        Stubs.answer(services, Stubs.get("/broker/api/v1/entitlements"), Contract.ENTITLEMENTS);
        Stubs.answer(services, Stubs.post("/broker/api/v1/requests"), Contract.REQUEST_SUBMITTED);
        Stubs.answer(services, Stubs.post("/broker/api/v1/requests/dry-run"), Contract.DRY_RUN_NEEDS_APPROVAL);
        Stubs.answer(services, Stubs.post("/broker/api/v1/grants/grt_01JEXAMPLEACTIVE/release"),
                Contract.GRANT_RELEASED);
        Stubs.answer(services, Stubs.post("/broker/api/v1/requests/req_01JEXAMPLEPENDING/approve"),
                Contract.REQUEST_APPROVED);
        Stubs.answer(services, Stubs.post("/drift/api/v1/findings/fnd_01JEXAMPLEADMIN/suppress"),
                Contract.FINDING_SUPPRESSED);
        for (String action : new String[]{"approve", "reject", "apply", "rollback"}) {
            Stubs.answer(services, Stubs.post("/drift/api/v1/proposals/%s/%s".formatted(PROPOSAL, action)),
                    Contract.PROPOSAL_APPROVED);
        }
    }

    /** The control: the same posts with the form's own token go through, so the refusals above are the token's. */
    @ParameterizedTest(name = "real token to {1}")
    @CsvSource({
            "EMPLOYEE, /request/payments-readonly, /broker/api/v1/requests",
            "EMPLOYEE, /access/grants/grt_01JEXAMPLEACTIVE/release, /broker/api/v1/grants/grt_01JEXAMPLEACTIVE/release",
            "APPROVER, /approvals/req_01JEXAMPLEPENDING/approve, /broker/api/v1/requests/req_01JEXAMPLEPENDING/approve",
            "SECURITY, /drift/fnd_01JEXAMPLEADMIN/suppress, /drift/api/v1/findings/fnd_01JEXAMPLEADMIN/suppress",
            "SECURITY, /rightsizing/prp_0193a1b2c3d4e5f60718/approve, /drift/api/v1/proposals/prp_0193a1b2c3d4e5f60718/approve",
            "SECURITY, /rightsizing/prp_0193a1b2c3d4e5f60718/rollback, /drift/api/v1/proposals/prp_0193a1b2c3d4e5f60718/rollback"})
    void theSamePostWithTheFormsTokenReachesTheService(People person, String path, String servicePath) {
        try (Browser browser = Browser.signedIn(base, person, "/request/payments-readonly")) {
            String real = browser.csrfToken("/request/payments-readonly");
            browser.client().getOptions().setRedirectEnabled(false);
            services.resetRequests();

            Page page = browser.post(path, Map.of("csrf-token", real, "reason", "because", "minutes", "10", "days",
                    "7", "comment", "fine", "idempotencyKey", "k-123456789"));

            assertThat(page.getWebResponse().getStatusCode()).isIn(200, 303);
        }
        assertThat(Stubs.writes(services)).extracting(r -> r.getUrl()).containsExactly(servicePath);
    }

    @ParameterizedTest(name = "{1} to {2}")
    @CsvSource({
            "EMPLOYEE, missing, /request/payments-readonly",
            "EMPLOYEE, forged, /request/payments-readonly",
            "EMPLOYEE, missing, /request/payments-readonly/preview",
            "EMPLOYEE, forged, /request/payments-readonly/preview",
            "EMPLOYEE, missing, /access/grants/grt_01JEXAMPLEACTIVE/release",
            "EMPLOYEE, forged, /access/grants/grt_01JEXAMPLEACTIVE/release",
            "EMPLOYEE, missing, /access/grants/grt_01JEXAMPLEACTIVE/credentials",
            "EMPLOYEE, forged, /access/grants/grt_01JEXAMPLEACTIVE/credentials",
            "APPROVER, missing, /approvals/req_01JEXAMPLEPENDING/approve",
            "APPROVER, forged, /approvals/req_01JEXAMPLEPENDING/approve",
            "APPROVER, missing, /approvals/req_01JEXAMPLEPENDING/deny",
            "APPROVER, forged, /approvals/req_01JEXAMPLEPENDING/deny",
            "EMPLOYEE, missing, /access/requests/req_01JEXAMPLEPENDING/cancel",
            "EMPLOYEE, forged, /access/requests/req_01JEXAMPLEPENDING/cancel",
            "EMPLOYEE, missing, /access/grants/grt_01JEXAMPLEACTIVE/console",
            "EMPLOYEE, forged, /access/grants/grt_01JEXAMPLEACTIVE/console",
            "EMPLOYEE, missing, /access/grants/grt_01JEXAMPLEACTIVE/extend",
            "EMPLOYEE, forged, /access/grants/grt_01JEXAMPLEACTIVE/extend",
            "APPROVER, missing, /approvals/grants/grt_01JEXAMPLEBREAKGLASS/review",
            "APPROVER, forged, /approvals/grants/grt_01JEXAMPLEBREAKGLASS/review",
            "SECURITY, missing, /offboarding",
            "SECURITY, forged, /offboarding",
            "SECURITY, missing, /drift/fnd_01JEXAMPLEADMIN/suppress",
            "SECURITY, forged, /drift/fnd_01JEXAMPLEADMIN/suppress",
            "SECURITY, missing, /rightsizing/prp_0193a1b2c3d4e5f60718/approve",
            "SECURITY, forged, /rightsizing/prp_0193a1b2c3d4e5f60718/approve",
            "SECURITY, missing, /rightsizing/prp_0193a1b2c3d4e5f60718/reject",
            "SECURITY, forged, /rightsizing/prp_0193a1b2c3d4e5f60718/reject",
            "SECURITY, missing, /rightsizing/prp_0193a1b2c3d4e5f60718/apply",
            "SECURITY, forged, /rightsizing/prp_0193a1b2c3d4e5f60718/apply",
            "SECURITY, missing, /rightsizing/prp_0193a1b2c3d4e5f60718/rollback",
            "SECURITY, forged, /rightsizing/prp_0193a1b2c3d4e5f60718/rollback"})
    void aPostWithoutTheRightTokenIsRefusedAndNothingIsSent(People person, String token, String path) {
        try (Browser browser = Browser.signedIn(base, person, "/request/payments-readonly")) {
            String real = browser.csrfToken("/request/payments-readonly");
            assertThat(real).as("the form carries a token").isNotBlank();
            Map<String, String> fields = new HashMap<>(Map.of("reason", "because", "minutes", "10", "days", "7",
                    "comment", "fine", "idempotencyKey", "k-123456789", "email", "lena@example.com"));
            if (token.equals("forged")) {
                fields.put("csrf-token", "forged" + real.substring(6));
            }
            services.resetRequests();

            Page page = browser.post(path, fields);

            assertThat(page.getWebResponse().getStatusCode()).isIn(400, 403);
        }
        assertThat(Stubs.writes(services)).isEmpty();
    }
}

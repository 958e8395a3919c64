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
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may open which page: checked on the server, whatever links the navigation draws. */
@QuarkusTest
class AuthorizationMatrixTest {

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
        Stubs.answer(services, Stubs.get("/broker/api/v1/entitlements"), Contract.ENTITLEMENTS);
        Stubs.answer(services, Stubs.get("/drift/api/v1/findings"), Contract.FINDINGS);
        Stubs.answer(services, Stubs.get("/lifecycle/api/v1/audit"), Contract.AUDIT);
        Stubs.answer(services, Stubs.get("/drift/api/v1/proposals"), Contract.PROPOSALS);
        Stubs.answer(services, Stubs.get("/lifecycle/api/v1/orphans"), Contract.ORPHANS);
        Stubs.answer(services, Stubs.get("/broker/api/v1/grants")
                .withQueryParam("reviewPending", com.github.tomakehurst.wiremock.client.WireMock.equalTo("true"))
                .atPriority(1), Contract.REVIEWS_PENDING);
    }

    @ParameterizedTest(name = "{0} opens {1}: {2}")
    @CsvSource({
            "EMPLOYEE, /access, 200", "EMPLOYEE, /request, 200", "EMPLOYEE, /approvals, 403",
            "EMPLOYEE, /drift, 403", "EMPLOYEE, /drift/fnd_1, 403", "EMPLOYEE, /audit, 403",
            "EMPLOYEE, /audit/export?format=csv, 403",
            "APPROVER, /access, 200", "APPROVER, /approvals, 200", "APPROVER, /drift, 403", "APPROVER, /audit, 403",
            "SECURITY, /drift, 200", "SECURITY, /audit, 200", "SECURITY, /approvals, 403",
            "AUDITOR, /drift, 200", "AUDITOR, /audit, 200", "AUDITOR, /approvals, 403", "AUDITOR, /request, 200",
            "EMPLOYEE, /offboarding, 403", "APPROVER, /offboarding, 403", "SECURITY, /offboarding, 200",
            "AUDITOR, /offboarding, 200", "EMPLOYEE, /people, 403", "APPROVER, /people, 403",
            "AUDITOR, /people, 200", "EMPLOYEE, /rightsizing, 403", "EMPLOYEE, /rightsizing/prp_1, 403",
            "APPROVER, /rightsizing, 403", "SECURITY, /rightsizing, 200", "AUDITOR, /rightsizing, 200",
            "EMPLOYEE, /grants, 403", "APPROVER, /grants, 200", "SECURITY, /grants, 200", "AUDITOR, /grants, 200",
            "EMPLOYEE, /overview, 403", "APPROVER, /overview, 403", "SECURITY, /overview, 200",
            "AUDITOR, /overview, 200",
            "ADMIN, /access, 200", "ADMIN, /approvals, 200", "ADMIN, /grants, 200", "ADMIN, /overview, 200",
            "ADMIN, /drift, 200", "ADMIN, /audit, 200", "ADMIN, /people, 200", "ADMIN, /offboarding, 200",
            "ADMIN, /rightsizing, 200", "EMPLOYEE, /orphans, 403", "APPROVER, /orphans, 403",
            "SECURITY, /orphans, 200", "AUDITOR, /orphans, 200", "ADMIN, /orphans, 200"})
    void pagesAnswerByRole(People person, String path, int status) {
        try (Browser browser = Browser.signedIn(base, person, "/access")) {
            services.resetRequests();

            Page page = browser.openAny(path);

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(status);
            if (status == 403) {
                assertThat(page.getWebResponse().getContentAsString()).contains("Not allowed");
                assertThat(services.getAllServeEvents()).as("a refused page asks no service").isEmpty();
            }
        }
    }

    @Test
    void anEmployeeSeesNoLinksToSecurityPages() {
        try (Browser browser = Browser.signedIn(base, People.EMPLOYEE, "/access")) {
            HtmlPage page = (HtmlPage) browser.lastPage();

            assertThat(page.getAnchors()).extracting(a -> a.getHrefAttribute())
                    .contains("/access", "/request").doesNotContain("/approvals", "/drift", "/audit", "/offboarding",
                    "/people", "/rightsizing", "/grants", "/overview");
        }
        try (Browser browser = Browser.signedIn(base, People.SECURITY, "/access")) {
            assertThat(((HtmlPage) browser.lastPage()).getAnchors()).extracting(a -> a.getHrefAttribute())
                    .contains("/drift", "/audit", "/rightsizing", "/grants", "/overview").doesNotContain("/approvals");
        }
        try (Browser browser = Browser.signedIn(base, People.ADMIN, "/access")) {
            assertThat(((HtmlPage) browser.lastPage()).getAnchors()).extracting(a -> a.getHrefAttribute())
                    .contains("/overview", "/approvals", "/grants", "/drift", "/rightsizing", "/audit", "/people",
                            "/offboarding", "/orphans");
        }
    }
}

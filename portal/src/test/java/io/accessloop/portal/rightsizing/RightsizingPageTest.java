package io.accessloop.portal.rightsizing;

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
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class RightsizingPageTest {

    private static final String PROPOSAL = "prp_0193a1b2c3d4e5f60718";
    private static final String API = "/drift/api/v1/proposals/" + PROPOSAL;

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
        Stubs.answer(services, Stubs.get("/drift/api/v1/proposals"), Contract.PROPOSALS);
        Stubs.answer(services, Stubs.get(API), Contract.PROPOSAL_PROPOSED);
        Stubs.answer(services, Stubs.get("/broker/api/v1/entitlements"), Contract.ENTITLEMENTS);
    }

    @Test
    void proposalsAreListedWithTheChosenFiltersPassedToTheService() {
        try (Browser browser = Browser.signedIn(base, People.SECURITY, "/rightsizing")) {
            assertThat(((HtmlPage) browser.lastPage()).asNormalizedText()).contains(
                    "report-builder: remove 3 unused permissions", "legacy-ci: unused for 90 days, retire",
                    "3 permissions", "proven", "More proposals");

            HtmlPage filtered = browser.open("/rightsizing?status=APPLIED&principal="
                    + "arn:aws:iam::111122223333:user/legacy-ci");
            assertThat(filtered.getAnchorByText("More proposals").getHrefAttribute()).isEqualTo(
                    "/rightsizing?status=APPLIED&principal=arn%3Aaws%3Aiam%3A%3A111122223333%3Auser%2Flegacy-ci"
                            + "&cursor=prp_0193a1b2c3d4e5f60719");
        }
        services.verify(getRequestedFor(urlPathEqualTo("/drift/api/v1/proposals"))
                .withQueryParam("status", absent()).withQueryParam("limit", equalTo("50")));
        services.verify(getRequestedFor(urlPathEqualTo("/drift/api/v1/proposals"))
                .withQueryParam("status", equalTo("APPLIED"))
                .withQueryParam("principal", equalTo("arn:aws:iam::111122223333:user/legacy-ci")));
    }

    @Test
    void anUnknownStatusIsExplainedAndNotForwarded() {
        try (Browser browser = Browser.signedIn(base, People.SECURITY, "/rightsizing")) {
            services.resetRequests();

            Page page = browser.openAny("/rightsizing?status=MAYBE");

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(page.getWebResponse().getContentAsString()).contains("Unknown status");
        }
        assertThat(services.getAllServeEvents()).isEmpty();
    }

    @Test
    void theDetailShowsTheDiffEvidenceProofAndChart() {
        try (Browser browser = Browser.signedIn(base, People.SECURITY, "/rightsizing/" + PROPOSAL)) {
            HtmlPage page = (HtmlPage) browser.lastPage();
            String text = page.asNormalizedText();

            assertThat(codes(page, "removed")).containsExactly("dynamodb:DeleteTable", "s3:DeleteObject",
                    "s3:PutObject");
            assertThat(text).contains("Kept: dynamodb:Query s3:GetObject", "\"dynamodb:DeleteTable\"",
                    "90 days", "cloudtrail, access-advisor", "48211",
                    "Passed", "48211 observed calls replayed, all still allowed", "iam:PassRole");
            assertThat(text).contains("AWS IAM Access Analyzer", "CheckNoNewAccess PASS",
                    "ValidatePolicy SUGGESTION EMPTY_ARRAY_RESOURCE: Remove the empty array.");
            assertThat(text).containsPattern("s3:PutObject\\s+reports-access.*2026-06-30T14:12:00Z");
            assertThat(text).containsPattern("s3:DeleteObject\\s+reports-access.*never seen");
            assertThat(page.<DomNode>getByXPath("//*[local-name()='text' and @class='bar-count']"))
                    .extracting(DomNode::getTextContent)
                    .containsExactly("1 of 2 kept", "1 of 3 kept");
            assertThat(forms(page)).containsExactlyInAnyOrder("/rightsizing/" + PROPOSAL + "/approve",
                    "/rightsizing/" + PROPOSAL + "/reject");
        }
    }

    @Test
    void aSecurityEngineerApprovesThenApplies() throws Exception {
        Stubs.answer(services, Stubs.post(API + "/approve"), Contract.PROPOSAL_APPROVED);
        Stubs.answer(services, Stubs.post(API + "/apply"), Contract.PROPOSAL_APPLIED);
        try (Browser browser = Browser.signedIn(base, People.SECURITY, "/rightsizing/" + PROPOSAL)) {
            submit((HtmlPage) browser.lastPage(), "/approve");
            services.verify(1, postRequestedFor(urlPathEqualTo(API + "/approve")));

            Stubs.answer(services, Stubs.get(API).atPriority(1), Contract.PROPOSAL_APPROVED);
            HtmlPage approved = browser.open("/rightsizing/" + PROPOSAL);
            assertThat(forms(approved)).contains("/rightsizing/" + PROPOSAL + "/apply")
                    .doesNotContain("/rightsizing/" + PROPOSAL + "/approve");
            submit(approved, "/apply");
        }
        services.verify(1, postRequestedFor(urlPathEqualTo(API + "/apply")));
    }

    @Test
    void rejectAndRollbackSendTheirReason() throws Exception {
        Stubs.answer(services, Stubs.post(API + "/reject"), Contract.PROPOSAL_REJECTED);
        Stubs.answer(services, Stubs.post(API + "/rollback"), Contract.PROPOSAL_ROLLED_BACK);
        try (Browser browser = Browser.signedIn(base, People.SECURITY, "/rightsizing/" + PROPOSAL)) {
            HtmlForm reject = form((HtmlPage) browser.lastPage(), "/reject");
            reject.getTextAreaByName("reason").setText("quarter-end jobs use DeleteObject");
            reject.getOneHtmlElementByAttribute("button", "type", "submit").click();

            Stubs.answer(services, Stubs.get(API).atPriority(1), Contract.PROPOSAL_APPLIED);
            HtmlForm rollback = form(browser.open("/rightsizing/" + PROPOSAL), "/rollback");
            rollback.getTextAreaByName("reason").setText("nightly export broke");
            rollback.getOneHtmlElementByAttribute("button", "type", "submit").click();
        }
        services.verify(1, postRequestedFor(urlPathEqualTo(API + "/reject"))
                .withRequestBody(matchingJsonPath("$.reason", equalTo("quarter-end jobs use DeleteObject"))));
        services.verify(1, postRequestedFor(urlPathEqualTo(API + "/rollback"))
                .withRequestBody(matchingJsonPath("$.reason", equalTo("nightly export broke"))));
    }

    @Test
    void aRefusalFromDriftIsShownAsTheProblemItIs() {
        Stubs.answer(services, Stubs.post(API + "/apply"), 422, Contract.PROBLEM_PROOF_FAILED);
        try (Browser browser = Browser.signedIn(base, People.SECURITY, "/rightsizing/" + PROPOSAL)) {
            String csrf = browser.csrfToken("/rightsizing/" + PROPOSAL);

            Page page = browser.post("/rightsizing/" + PROPOSAL + "/apply", Map.of("csrf-token", csrf));

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(422);
            assertThat(page.getWebResponse().getContentAsString()).contains("Refused by the rules",
                    "the proof does not hold").doesNotContain("Exception", "at io.");
        }
        services.verify(1, postRequestedFor(urlPathEqualTo(API + "/apply")));
    }

    @Test
    void anAuditorReadsButGetsNoFormsAndMayNotDecide() {
        try (Browser browser = Browser.signedIn(base, People.AUDITOR, "/rightsizing/" + PROPOSAL)) {
            HtmlPage page = (HtmlPage) browser.lastPage();
            assertThat(page.asNormalizedText()).contains("report-builder: remove 3 unused permissions");
            assertThat(forms(page)).isEmpty();
            String csrf = browser.csrfToken("/request/payments-readonly");

            for (String action : List.of("approve", "reject", "apply", "rollback")) {
                Page refused = browser.post("/rightsizing/" + PROPOSAL + "/" + action,
                        Map.of("csrf-token", csrf, "reason", "because"));
                assertThat(refused.getWebResponse().getStatusCode()).as(action).isEqualTo(403);
            }
        }
        assertThat(Stubs.writes(services)).isEmpty();
    }

    @Test
    void anEmployeeIsRefusedAndDriftIsNotCalled() {
        try (Browser browser = Browser.signedIn(base, People.EMPLOYEE, "/access")) {
            String csrf = browser.csrfToken("/request/payments-readonly");
            services.resetRequests();

            assertThat(browser.openAny("/rightsizing").getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(browser.openAny("/rightsizing/" + PROPOSAL).getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(browser.post("/rightsizing/" + PROPOSAL + "/approve", Map.of("csrf-token", csrf))
                    .getWebResponse().getStatusCode()).isEqualTo(403);
        }
        assertThat(services.getAllServeEvents()).isEmpty();
    }

    @Test
    void aMalformedIdIsRefusedBeforeDriftIsAsked() {
        try (Browser browser = Browser.signedIn(base, People.SECURITY, "/rightsizing")) {
            String csrf = browser.csrfToken("/rightsizing/" + PROPOSAL);
            services.resetRequests();

            assertThat(browser.openAny("/rightsizing/fnd_01JEXAMPLEADMIN").getWebResponse().getStatusCode())
                    .isEqualTo(400);
            assertThat(browser.post("/rightsizing/prp_x%2F..%2Fother/approve", Map.of("csrf-token", csrf))
                    .getWebResponse().getStatusCode()).isIn(400, 404);
        }
        assertThat(services.getAllServeEvents()).isEmpty();
    }

    private static List<String> codes(HtmlPage page, String cssClass) {
        return page.<DomNode>getByXPath("//code[@class='" + cssClass + "']").stream()
                .map(DomNode::getTextContent).toList();
    }

    private static List<String> forms(HtmlPage page) {
        return page.getForms().stream().map(HtmlForm::getActionAttribute).filter(a -> a.startsWith("/rightsizing"))
                .toList();
    }

    private static HtmlForm form(HtmlPage page, String suffix) {
        return page.getForms().stream().filter(f -> f.getActionAttribute().endsWith(suffix)).findFirst()
                .orElseThrow();
    }

    private static void submit(HtmlPage page, String suffix) throws Exception {
        form(page, suffix).getOneHtmlElementByAttribute("button", "type", "submit").click();
    }
}

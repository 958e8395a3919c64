package io.accessloop.portal.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.sts.StsClient;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The whole product in headless Chromium against real Keycloak and the real services ({@link FullStack}): an
 * employee asks for access that needs approval, an approver approves it, the employee's keys work on the sandbox
 * account through the AWS SDK, an admin revokes the grant and the same keys are refused, and the overview counts
 * the grant's start and end from the real ledger. Screenshots of every step
 * go to {@code target/e2e-screenshots}.
 */
class FullStackJourneyIT {

    private static final Pattern EXPORT = Pattern.compile("export (AWS_[A-Z_]+)=(\\S+)");

    private static FullStack stack;

    @BeforeAll
    static void start() {
        stack = FullStack.start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void accessIsRequestedApprovedUsedOnAwsAndRevoked() {
        String grantId;
        Map<String, String> keys;
        try (Chromium alice = Chromium.signedIn(stack.portal(), "alice", "/request")) {
            requestIamRead(alice);

            try (Chromium bob = Chromium.signedIn(stack.portal(), "bob", "/approvals")) {
                approveAlicesRequest(bob);
            }

            alice.open("/access");
            WebElement row = alice.await().until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//tr[starts-with(@id,'grant-')][td[starts-with(normalize-space(.),'iam-read')]]")));
            grantId = row.getAttribute("id").substring("grant-".length());
            alice.screenshot("04-alice-my-access-with-grant");
            row.findElement(By.xpath(".//button[normalize-space(.)='CLI credentials']")).click();
            WebElement panel = alice.await().until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#creds-" + grantId + " .secret")));
            alice.screenshot("05-alice-credentials-shown-once");
            keys = exports(panel.getText());
        }
        assertThat(keys).containsKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");
        assertThat(keys.get("AWS_ACCESS_KEY_ID")).startsWith("ASIA");

        SandboxAccount account = stack.account();
        try (StsClient sts = account.sts(keys.get("AWS_ACCESS_KEY_ID"), keys.get("AWS_SECRET_ACCESS_KEY"),
                keys.get("AWS_SESSION_TOKEN"));
             IamClient iam = account.iam(keys.get("AWS_ACCESS_KEY_ID"), keys.get("AWS_SECRET_ACCESS_KEY"),
                     keys.get("AWS_SESSION_TOKEN"))) {
            assertThat(sts.getCallerIdentity().arn())
                    .startsWith("arn:aws:sts::000000000000:assumed-role/" + SandboxAccount.ROLE_NAME + "/");
            assertThat(iam.listRoles(b -> b.pathPrefix("/accessloop/")).roles()).extracting(Role::roleName)
                    .contains(SandboxAccount.ROLE_NAME);

            try (Chromium frank = Chromium.signedIn(stack.portal(), "frank", "/grants")) {
                revoke(frank, grantId);
                overviewCountsTheJourney(frank);
            }

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                IamException refused = catchThrowableOfType(IamException.class,
                        () -> iam.listRoles(b -> b.pathPrefix("/accessloop/")));
                assertThat(refused).as("the revoked keys are refused").isNotNull();
                assertThat(refused.statusCode()).isEqualTo(403);
                assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            });
        }

        try (Chromium alice = Chromium.signedIn(stack.portal(), "alice", "/access")) {
            assertThat(alice.driver().findElements(By.id("grant-" + grantId))).as("the grant is gone").isEmpty();
            alice.screenshot("08-alice-access-ended");
        }
    }

    private static void requestIamRead(Chromium alice) {
        alice.screenshot("01-alice-catalog");
        alice.await().until(ExpectedConditions.elementToBeClickable(By.linkText("iam-read"))).click();
        alice.await().until(ExpectedConditions.presenceOfElementLocated(By.id("reason")))
                .sendKeys("Check which entitlement roles exist for INC-77");
        alice.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"),
                "Needs 1 approval"));
        alice.screenshot("02-alice-request-preview");
        alice.driver().findElement(By.id("submit-request")).click();
        WebElement status = alice.await().until(ExpectedConditions.presenceOfElementLocated(By.id("request-status")));
        assertThat(status.getText()).contains("iam-read", "PENDING");
    }

    private static void approveAlicesRequest(Chromium bob) {
        WebElement request = bob.await().until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//article[contains(@class,'request')][h3[contains(.,'alice@example.com asks for iam-read')]]")));
        request.findElement(By.tagName("textarea")).sendKeys("ok for INC-77");
        bob.screenshot("03-bob-approvals-inbox");
        request.findElement(By.xpath(".//button[normalize-space(.)='Approve']")).click();
        bob.await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "Approved."));
    }

    private static void revoke(Chromium frank, String grantId) {
        WebElement row = frank.await().until(ExpectedConditions.presenceOfElementLocated(By.id("grant-" + grantId)));
        assertThat(row.getText()).contains("alice@example.com", "iam-read");
        row.findElement(By.name("reason")).sendKeys("INC-77 closed");
        frank.screenshot("06-frank-grants-before-revoke");
        row.findElement(By.id("revoke-" + grantId)).click();
        frank.await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "Revoked."));
        assertThat(frank.driver().findElements(By.id("grant-" + grantId))).isEmpty();
        frank.screenshot("07-frank-grant-revoked");
    }

    /** The ledger hears of the grant through the event bus, so the overview may take a moment to count it. */
    private static void overviewCountsTheJourney(Chromium frank) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            frank.open("/overview?days=1");
            assertThat(frank.driver().findElement(By.id("count-ended")).getText()).isEqualTo("1");
        });
        assertThat(frank.driver().findElement(By.id("count-started")).getText()).isEqualTo("1");
        assertThat(frank.driver().findElement(By.id("count-active")).getText()).isEqualTo("0");
        assertThat(frank.driver().findElement(By.id("grant-h")).findElement(By.xpath("following-sibling::p"))
                .getText()).contains("over 1 grant:");
        assertThat(frank.driver().findElements(By.cssSelector("svg[role=img]"))).hasSize(4);
        frank.screenshot("09-frank-overview");
    }

    private static Map<String, String> exports(String text) {
        Matcher m = EXPORT.matcher(text);
        return m.results().collect(Collectors.toMap(r -> r.group(1), r -> r.group(2), (a, b) -> a));
    }
}

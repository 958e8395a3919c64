package io.accessloop.sandbox;

import io.accessloop.sandbox.cloudtrail.TrailEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.services.sts.model.Tag;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
class StsTest extends SandboxTestBase {

    private static final String ROLE_ARN = "arn:aws:iam::000000000000:role/app";

    private void createAppRole(String trust, int maxSession) {
        iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(trust).maxSessionDuration(maxSession));
        iam.putRolePolicy(r -> r.roleName("app").policyName("list").policyDocument(allow("iam:List*", "*")));
    }

    private static String trustOnly(String principal, String actions) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + principal
                + "\"},\"Action\":" + actions + "}]}";
    }

    private AssumeRoleResponse assume(StsClient sts, String session, String sourceIdentity, String grantId) {
        return sts.assumeRole(r -> {
            r.roleArn(ROLE_ARN).roleSessionName(session);
            if (sourceIdentity != null) {
                r.sourceIdentity(sourceIdentity);
            }
            if (grantId != null) {
                r.tags(Tag.builder().key("accessloop:grant-id").value(grantId).build());
            }
        });
    }

    @Test
    void assumeRoleIssuesSessionsWithSourceIdentityAndTags() {
        createAppRole(trustAccount(), 7200);
        try (StsClient sts = AwsClients.sts(AwsClients.ROOT)) {
            AssumeRoleResponse response = assume(sts, "alice", "alice@example.com", "grt_1");
            assertThat(response.assumedRoleUser().arn())
                    .isEqualTo("arn:aws:sts::000000000000:assumed-role/app/alice");
            assertThat(response.assumedRoleUser().assumedRoleId()).startsWith("AROA").endsWith(":alice");
            assertThat(response.sourceIdentity()).isEqualTo("alice@example.com");
            Credentials credentials = response.credentials();
            assertThat(credentials.accessKeyId()).startsWith("ASIA");
            assertThat(Duration.between(Instant.now(), credentials.expiration())).isBetween(
                    Duration.ofMinutes(58), Duration.ofMinutes(61));
            try (StsClient session = AwsClients.sts(AwsClients.session(credentials))) {
                var identity = session.getCallerIdentity();
                assertThat(identity.arn()).isEqualTo("arn:aws:sts::000000000000:assumed-role/app/alice");
                assertThat(identity.account()).isEqualTo(ACCOUNT);
            }
        }
        TrailEvent event = sandbox.trail().all().stream().filter(e -> e.eventName().equals("GetCallerIdentity"))
                .findFirst().orElseThrow();
        assertThat(event.json()).contains("\"sourceIdentity\":\"alice@example.com\"")
                .contains("\"sessionIssuer\":{\"type\":\"Role\"");
        TrailEvent assumeEvent = sandbox.trail().all().stream().filter(e -> e.eventName().equals("AssumeRole"))
                .findFirst().orElseThrow();
        assertThat(assumeEvent.json()).contains("\"roleSessionName\":\"alice\"").doesNotContain("secretAccessKey");
    }

    @Test
    void sourceIdentityAndTagsNeedTheirOwnTrustActions() {
        createAppRole(trustOnly("arn:aws:iam::000000000000:root", "\"sts:AssumeRole\""), 3600);
        try (StsClient sts = AwsClients.sts(AwsClients.ROOT)) {
            assertThat(assume(sts, "plain", null, null).credentials()).isNotNull();
            assertThatThrownBy(() -> assume(sts, "withsource", "alice@example.com", null))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.getMessage()).contains("sts:SetSourceIdentity");
                    });
            assertThatThrownBy(() -> assume(sts, "withtags", null, "grt_1"))
                    .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.getMessage())
                            .contains("sts:TagSession"));
        }
    }

    @Test
    void aUserNeedsAnIdentityPolicyWhenTheTrustNamesOnlyTheAccount() {
        createAppRole(trustAccount(), 3600);
        iam.createUser(r -> r.userName("broker"));
        AccessKey key = iam.createAccessKey(r -> r.userName("broker")).accessKey();
        try (StsClient sts = AwsClients.sts(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
            assertThatThrownBy(() -> assume(sts, "s1", null, null)).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.statusCode()).isEqualTo(403));
            iam.putUserPolicy(r -> r.userName("broker").policyName("assume").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"sts:AssumeRole\","
                            + "\"sts:SetSourceIdentity\",\"sts:TagSession\"],\"Resource\":\"" + ROLE_ARN + "\"}]}"));
            assertThat(assume(sts, "s2", "bob@example.com", "grt_2").sourceIdentity()).isEqualTo("bob@example.com");
        }
    }

    @Test
    void durationsAndSessionNamesAreValidated() {
        createAppRole(trustAccount(), 7200);
        try (StsClient sts = AwsClients.sts(AwsClients.ROOT)) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("short").durationSeconds(899)))
                    .isInstanceOf(StsException.class).hasMessageContaining("durationSeconds");
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("ok")
                    .durationSeconds(7201))).isInstanceOf(StsException.class).hasMessageContaining("MaxSessionDuration");
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("bad name")))
                    .isInstanceOf(StsException.class).hasMessageContaining("roleSessionName");
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/missing")
                    .roleSessionName("ok"))).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));

            Credentials first = sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("first").durationSeconds(7200))
                    .credentials();
            iam.updateAssumeRolePolicy(r -> r.roleName("app").policyDocument(trustOnly(
                    "arn:aws:iam::000000000000:role/app", "[\"sts:AssumeRole\"]")));
            try (StsClient chained = AwsClients.sts(AwsClients.session(first))) {
                assertThatThrownBy(() -> chained.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("second")
                        .durationSeconds(3601))).isInstanceOf(StsException.class).hasMessageContaining("role chaining");
                Credentials second = chained.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("second"))
                        .credentials();
                assertThat(second.expiration()).isBefore(Instant.now().plusSeconds(3601));
            }
        }
    }

    @Test
    void revocationDenyInTheRoleStopsTheLiveSessionOfThatGrantOnly() {
        createAppRole(trustAccount(), 3600);
        try (StsClient sts = AwsClients.sts(AwsClients.ROOT)) {
            Credentials revoked = assume(sts, "alice", "alice@example.com", "grt_1").credentials();
            Credentials other = assume(sts, "alice2", "alice@example.com", "grt_2").credentials();
            try (IamClient revokedIam = AwsClients.iam(AwsClients.session(revoked));
                 IamClient otherIam = AwsClients.iam(AwsClients.session(other))) {
                assertThat(revokedIam.listRoles().roles()).hasSize(1);
                iam.putRolePolicy(r -> r.roleName("app").policyName("accessloop-revocations").policyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"grt1\",\"Effect\":\"Deny\",\"Action\":"
                                + "\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                                + "{\"aws:PrincipalTag/accessloop:grant-id\":\"grt_1\"}}}]}"));
                assertThatThrownBy(revokedIam::listRoles).isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.getMessage()).contains("explicit deny");
                });
                assertThat(otherIam.listRoles().roles()).hasSize(1);
            }
        }
        TrailEvent denied = sandbox.trail().all().stream().filter(e -> e.json().contains("\"errorCode\":\"AccessDenied\""))
                .findFirst().orElseThrow();
        assertThat(denied.eventName()).isEqualTo("ListRoles");
        assertThat(denied.username()).isEqualTo("alice");
        assertThat(denied.json()).contains("\"sourceIdentity\":\"alice@example.com\"");
    }

    @Test
    void offboardingDenyCutsSessionsIssuedBeforeTheRevocationTime() {
        createAppRole(trustAccount(), 3600);
        try (StsClient sts = AwsClients.sts(AwsClients.ROOT)) {
            Credentials before = assume(sts, "alice", "alice@example.com", null).credentials();
            sandbox.clock().advance(Duration.ofSeconds(5));
            String cutoff = sandbox.clock().now().toString();
            sandbox.clock().advance(Duration.ofSeconds(5));
            iam.putRolePolicy(r -> r.roleName("app").policyName("accessloop-revocations").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":"
                            + "\"*\",\"Condition\":{\"StringEquals\":{\"aws:SourceIdentity\":\"alice@example.com\"},"
                            + "\"DateLessThan\":{\"aws:TokenIssueTime\":\"" + cutoff + "\"}}}]}"));
            Credentials after = assume(sts, "alice-new", "alice@example.com", null).credentials();
            try (IamClient old = AwsClients.iam(AwsClients.session(before));
                 IamClient fresh = AwsClients.iam(AwsClients.session(after))) {
                assertThatThrownBy(old::listRoles).isInstanceOf(IamException.class).hasMessageContaining("explicit deny");
                assertThat(fresh.listRoles().roles()).hasSize(1);
            }
        }
    }

    @Test
    void expiredRoleSessionsGetExpiredToken() {
        createAppRole(trustAccount(), 3600);
        try (StsClient sts = AwsClients.sts(AwsClients.ROOT)) {
            Credentials credentials = sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("short")
                    .durationSeconds(900)).credentials();
            try (IamClient session = AwsClients.iam(AwsClients.session(credentials))) {
                assertThat(session.listRoles().roles()).hasSize(1);
                sandbox.clock().advance(Duration.ofSeconds(901));
                assertThatThrownBy(session::listRoles).isInstanceOfSatisfying(IamException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken"));
            }
        }
        assertThat(sandbox.trail().all()).filteredOn(e -> e.json().contains("\"errorCode\":\"ExpiredToken\""))
                .singleElement().satisfies(e -> {
                    assertThat(e.eventName()).isEqualTo("ListRoles");
                    assertThat(e.username()).isEqualTo("short");
                });
    }

    @Test
    void sessionPoliciesNarrowTheRole() {
        createAppRole(trustAccount(), 3600);
        try (StsClient sts = AwsClients.sts(AwsClients.ROOT)) {
            Credentials narrowed = sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("narrow")
                    .policy(allow("iam:ListUsers", "*"))).credentials();
            try (IamClient session = AwsClients.iam(AwsClients.session(narrowed))) {
                assertThat(session.listUsers().users()).isEmpty();
                assertThatThrownBy(session::listRoles).isInstanceOf(IamException.class)
                        .hasMessageContaining("not authorized");
            }
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("bad").policy("{oops")))
                    .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .isEqualTo("MalformedPolicyDocument"));
        }
    }

    @Test
    void federationTokensAndTheSignInEndpoint() {
        iam.createUser(r -> r.userName("fed"));
        iam.putUserPolicy(r -> r.userName("fed").policyName("all").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"iam:*\","
                        + "\"sts:GetFederationToken\"],\"Resource\":\"*\"}]}"));
        AccessKey key = iam.createAccessKey(r -> r.userName("fed")).accessKey();
        Credentials federated;
        try (StsClient sts = AwsClients.sts(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
            var response = sts.getFederationToken(r -> r.name("console-user").policy(allow("iam:ListRoles", "*")));
            assertThat(response.federatedUser().arn()).isEqualTo("arn:aws:sts::000000000000:federated-user/console-user");
            federated = response.credentials();
        }
        try (IamClient session = AwsClients.iam(AwsClients.session(federated))) {
            assertThat(session.listRoles().roles()).isEmpty();
            assertThatThrownBy(session::listUsers).isInstanceOf(IamException.class);
        }
        String sessionJson = "{\"sessionId\":\"" + federated.accessKeyId() + "\",\"sessionKey\":\""
                + federated.secretAccessKey() + "\",\"sessionToken\":\"" + federated.sessionToken() + "\"}";
        String token = RestAssured.given().baseUri(AwsClients.endpoint().toString())
                .queryParam("Action", "getSigninToken").queryParam("SessionDuration", "3600")
                .queryParam("Session", sessionJson).get("/federation")
                .then().statusCode(200).extract().path("SigninToken");
        assertThat(token).isNotBlank();
        RestAssured.given().baseUri(AwsClients.endpoint().toString()).redirects().follow(false)
                .queryParam("Action", "login").queryParam("Issuer", "accessloop")
                .queryParam("Destination", "https://console.aws.amazon.com/s3")
                .queryParam("SigninToken", token).get("/federation")
                .then().statusCode(302).header("Location", "https://console.aws.amazon.com/s3");
        RestAssured.given().baseUri(AwsClients.endpoint().toString())
                .queryParam("Action", "getSigninToken").queryParam("Session", "{\"sessionId\":\"nope\"}")
                .get("/federation").then().statusCode(403);
        RestAssured.given().baseUri(AwsClients.endpoint().toString()).redirects().follow(false)
                .queryParam("Action", "login").queryParam("SigninToken", "forged").get("/federation")
                .then().statusCode(400);
        assertThat(sandbox.trail().all()).anyMatch(e -> e.eventName().equals("ConsoleLogin"));
    }
}

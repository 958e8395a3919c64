package io.accessloop.sandbox;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class AuthenticationTest extends SandboxTestBase {

    @Test
    void unknownKeyIsAnInvalidClientTokenId() {
        try (IamClient stranger = AwsClients.iam(AwsBasicCredentials.create("AKIAUNKNOWNKEY000000", "secret"))) {
            assertThatThrownBy(stranger::listRoles).isInstanceOfSatisfying(IamException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
    }

    @Test
    void wrongSecretIsASignatureMismatch() {
        try (IamClient forger = AwsClients.iam(AwsBasicCredentials.create("test", "not-the-secret"))) {
            assertThatThrownBy(forger::listRoles).isInstanceOfSatisfying(IamException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                assertThat(e.statusCode()).isEqualTo(403);
            });
        }
        assertThat(sandbox.trail().all()).isEmpty();
    }

    @Test
    void inactiveKeysAreRefused() {
        iam.createUser(r -> r.userName("frank"));
        iam.putUserPolicy(r -> r.userName("frank").policyName("all").policyDocument(allow("iam:*", "*")));
        AccessKey key = iam.createAccessKey(r -> r.userName("frank")).accessKey();
        iam.updateAccessKey(r -> r.userName("frank").accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
        try (IamClient frank = AwsClients.iam(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
            assertThatThrownBy(frank::listRoles).isInstanceOfSatisfying(IamException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
    }

    @Test
    void expiredAndForgedSessionTokensAreRefused() {
        iam.createUser(r -> r.userName("gina"));
        AccessKey key = iam.createAccessKey(r -> r.userName("gina")).accessKey();
        Credentials session;
        try (StsClient sts = AwsClients.sts(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
            session = sts.getSessionToken(r -> r.durationSeconds(900)).credentials();
        }
        try (StsClient forged = AwsClients.sts(AwsSessionCredentials.create(session.accessKeyId(),
                session.secretAccessKey(), "forged-token"))) {
            assertThatThrownBy(forged::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
        try (StsClient live = AwsClients.sts(AwsClients.session(session))) {
            assertThat(live.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:user/gina");
            sandbox.clock().advance(Duration.ofSeconds(901));
            assertThatThrownBy(live::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken"));
        }
    }

    @Test
    void unsignedAndUnknownActionsGetAwsErrors() {
        RestAssured.given().baseUri(AwsClients.endpoint().toString()).contentType("application/x-www-form-urlencoded")
                .body("Action=ListRoles&Version=2010-05-08").post("/")
                .then().statusCode(403).body(containsString("<Code>MissingAuthenticationToken</Code>"));
        try (IamClient root = AwsClients.iam(AwsClients.ROOT)) {
            assertThat(root.listRoles().roles()).isEmpty();
        }
        RestAssured.given().baseUri(AwsClients.endpoint().toString()).contentType("application/x-www-form-urlencoded")
                .body("Action=NoSuchThing&Version=2010-05-08").post("/")
                .then().statusCode(400).body(containsString("<Code>InvalidAction</Code>"));
        RestAssured.given().baseUri(AwsClients.endpoint().toString())
                .header("X-Amz-Target", "StarlingDoveService.GetResourceConfigHistory")
                .contentType("application/x-amz-json-1.1").body("{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/")
                .then().statusCode(400).body(containsString("MissingAuthenticationTokenException"));
    }
}

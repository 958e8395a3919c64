package io.accessloop.sandbox;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ControlApiTest extends SandboxTestBase {

    private static RequestSpecification control() {
        return RestAssured.given().baseUri(AwsClients.endpoint().toString()).contentType(ContentType.JSON);
    }

    @Test
    void resetForgetsEverything() {
        iam.createUser(r -> r.userName("temp"));
        control().post("/_sandbox/reset").then().statusCode(200).body("status", equalTo("reset"));
        assertThat(iam.listUsers().users()).isEmpty();
        assertThat(sandbox.trail().all()).extracting(e -> e.eventName()).containsExactly("ListUsers");
    }

    @Test
    void seedsNamedScenariosAndRefusesUnknownOnes() {
        control().post("/_sandbox/seed/demo").then().statusCode(200).body("scenario", equalTo("demo"))
                .body("brokerAccessKeyId", equalTo("AKIAACCESSLOOPBROKER"));
        assertThat(iam.listRoles().roles()).extracting(r -> r.roleName())
                .contains("workload-reporting", "entitlement-reports-read");
        control().post("/_sandbox/seed/nope").then().statusCode(404).body("error", equalTo("UnknownScenario"));
        assertThat(iam.listRoles().roles()).isNotEmpty();
        control().post("/_sandbox/seed/empty").then().statusCode(200);
        assertThat(iam.listRoles().roles()).isEmpty();
    }

    @Test
    void clockCanBeSetAndAdvanced() {
        control().body("{\"set\":\"2030-01-01T00:00:00Z\"}").post("/_sandbox/clock").then().statusCode(200)
                .body("now", startsWith("2030-01-01T00:00"));
        control().body("{\"advance\":\"PT2H\"}").post("/_sandbox/clock").then().statusCode(200)
                .body("now", startsWith("2030-01-01T02:00"));
        control().body("{\"advanceSeconds\":60}").post("/_sandbox/clock").then().statusCode(200)
                .body("now", startsWith("2030-01-01T02:01"));
        iam.createUser(r -> r.userName("future"));
        assertThat(iam.getUser(r -> r.userName("future")).user().createDate())
                .isAfter(Instant.parse("2030-01-01T02:00:00Z"));
        control().body("{\"set\":\"yesterday\"}").post("/_sandbox/clock").then().statusCode(400)
                .body("error", equalTo("BadRequest"));
        control().body("{\"reset\":true}").post("/_sandbox/clock").then().statusCode(200);
        assertThat(sandbox.clock().offset().abs()).isLessThan(Duration.ofSeconds(1));
        control().get("/_sandbox/clock").then().statusCode(200).body("offsetSeconds", equalTo(0.0f));
    }

    @Test
    void faultsThrottleFailAndDelayChosenActions() {
        control().body("{\"action\":\"iam:ListRoles\",\"type\":\"throttle\",\"count\":1}").post("/_sandbox/faults")
                .then().statusCode(201).body("id", startsWith("fault-"));
        assertThatThrownBy(iam::listRoles).isInstanceOfSatisfying(IamException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling"));
        assertThat(iam.listRoles().roles()).isEmpty();

        control().body("{\"action\":\"iam:List*\",\"type\":\"error\",\"statusCode\":503}").post("/_sandbox/faults")
                .then().statusCode(201);
        assertThatThrownBy(iam::listUsers).isInstanceOfSatisfying(IamException.class,
                e -> assertThat(e.statusCode()).isEqualTo(503));
        control().get("/_sandbox/faults").then().statusCode(200).body("faults", hasSize(1));
        control().delete("/_sandbox/faults").then().statusCode(200);
        assertThat(iam.listUsers().users()).isEmpty();

        control().body("{\"action\":\"iam:ListGroups\",\"type\":\"latency\",\"latencyMillis\":300}")
                .post("/_sandbox/faults").then().statusCode(201);
        long start = System.nanoTime();
        iam.listGroups();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        control().body("{\"action\":\"iam:ListRoles\",\"type\":\"explode\"}").post("/_sandbox/faults")
                .then().statusCode(400);
        control().body("not json").post("/_sandbox/faults").then().statusCode(400);
    }

    @Test
    void simulateAuthorisesAndRecordsWorkloadCalls() {
        iam.createRole(r -> r.roleName("worker").assumeRolePolicyDocument(trustAccount()));
        iam.putRolePolicy(r -> r.roleName("worker").policyName("s3").policyDocument(
                allow("s3:GetObject", "arn:aws:s3:::bucket/*")));
        Credentials session;
        try (StsClient sts = AwsClients.sts(AwsClients.ROOT)) {
            session = sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/worker").roleSessionName("job")
                    .durationSeconds(900)).credentials();
        }
        String body = "{\"accessKeyId\":\"" + session.accessKeyId() + "\",\"secretAccessKey\":\""
                + session.secretAccessKey() + "\",\"sessionToken\":\"" + session.sessionToken() + "\",";
        control().body(body + "\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::bucket/a.csv\",\"count\":3}")
                .post("/_sandbox/simulate").then().statusCode(200).body("decision", equalTo("ALLOWED"))
                .body("eventIds", hasSize(3));
        control().body(body + "\"action\":\"rds:DeleteDBInstance\",\"resource\":\"*\"}")
                .post("/_sandbox/simulate").then().statusCode(200).body("allowed", equalTo(false))
                .body("errorCode", equalTo("AccessDenied"));
        assertThat(sandbox.trail().all()).filteredOn(e -> e.eventSource().equals("s3.amazonaws.com")).hasSize(3)
                .allMatch(e -> e.json().contains("\"eventCategory\":\"Data\""));
        assertThat(sandbox.trail().all()).filteredOn(e -> e.eventName().equals("DeleteDBInstance")).singleElement()
                .satisfies(e -> assertThat(e.json()).contains("\"errorCode\":\"AccessDenied\""));

        String jobId = iam.generateServiceLastAccessedDetails(r -> r.arn("arn:aws:iam::000000000000:role/worker")
                .granularity("ACTION_LEVEL")).jobId();
        var details = iam.getServiceLastAccessedDetails(r -> r.jobId(jobId));
        assertThat(details.jobStatusAsString()).isEqualTo("COMPLETED");
        assertThat(details.servicesLastAccessed()).singleElement().satisfies(s -> {
            assertThat(s.serviceNamespace()).isEqualTo("s3");
            assertThat(s.lastAuthenticated()).isNotNull();
            assertThat(s.lastAuthenticatedEntity()).isEqualTo("arn:aws:sts::000000000000:assumed-role/worker/job");
            assertThat(s.trackedActionsLastAccessed()).singleElement()
                    .satisfies(a -> assertThat(a.actionName()).isEqualTo("GetObject"));
        });

        sandbox.clock().advance(Duration.ofSeconds(901));
        control().body(body + "\"action\":\"s3:GetObject\"}").post("/_sandbox/simulate").then().statusCode(403)
                .body("error", equalTo("ExpiredToken"));
        control().body("{\"accessKeyId\":\"AKIANOPE\",\"action\":\"s3:GetObject\"}").post("/_sandbox/simulate")
                .then().statusCode(403).body("error", equalTo("InvalidClientTokenId"));
        control().body("{\"accessKeyId\":\"test\",\"action\":\"nonsense\"}").post("/_sandbox/simulate")
                .then().statusCode(400);
    }

    @Test
    void simulatePrincipalPolicyUsesTheEvaluator() {
        iam.createUser(r -> r.userName("sim"));
        iam.putUserPolicy(r -> r.userName("sim").policyName("p").policyDocument(allow("s3:Get*", "*")));
        var results = iam.simulatePrincipalPolicy(r -> r.policySourceArn("arn:aws:iam::000000000000:user/sim")
                .actionNames("s3:GetObject", "s3:PutObject")).evaluationResults();
        assertThat(results).extracting(e -> e.evalActionName() + "=" + e.evalDecisionAsString())
                .containsExactly("s3:GetObject=allowed", "s3:PutObject=implicitDeny");
        var custom = iam.simulateCustomPolicy(r -> r.policyInputList(allow("*", "*")).actionNames("ec2:RunInstances"))
                .evaluationResults();
        assertThat(custom.get(0).evalDecisionAsString()).isEqualTo("allowed");
    }

    @Test
    void notificationTargetsAreManagedAtRuntime() {
        control().body("{\"url\":\"http://127.0.0.1:9/hook\",\"headerName\":\"X-Api-Key\",\"headerValue\":\"k\"}")
                .post("/_sandbox/config/targets").then().statusCode(201).body("url", equalTo("http://127.0.0.1:9/hook"));
        control().get("/_sandbox/config/targets").then().statusCode(200).body("targets", hasSize(1));
        control().body("{\"url\":\"ftp://x\"}").post("/_sandbox/config/targets").then().statusCode(400);
        control().delete("/_sandbox/config/targets").then().statusCode(200).body("targets", hasSize(0));
        control().get("/_sandbox/nothing-here").then().statusCode(404);
    }
}

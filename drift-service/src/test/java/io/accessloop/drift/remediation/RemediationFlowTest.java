package io.accessloop.drift.remediation;

import io.accessloop.contracts.EventTypes;
import io.accessloop.drift.Api;
import io.accessloop.drift.remediation.domain.RemediationAction;
import io.accessloop.drift.remediation.domain.Remediator;
import io.accessloop.drift.remediation.service.RemediationService;
import io.accessloop.testsupport.SandboxResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.StatusType;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Automatic remediation against the aws-sandbox. The test settings switch it on only for roles
 * {@code accessloop/remediated-*} (out-of-band attachments) and users under {@code /remediated/} (old keys);
 * everywhere else it stays off, as it is by default.
 */
@QuarkusTest
class RemediationFlowTest {

    static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    @TestHTTPResource("/ingest/aws/events")
    URL ingest;

    @Inject
    Pool db;

    @Inject
    RemediationService remediations;

    @Inject
    Remediator remediator;

    @BeforeEach
    void deliverConfigChangesToDrift() {
        SandboxResource.control("/_sandbox/config/targets", "{\"url\":\"" + ingest + "\",\"headerName\":\""
                + Api.API_KEY_HEADER + "\",\"headerValue\":\"test-key-current\"}");
    }

    @AfterEach
    void stopDelivering() {
        given().delete(SandboxResource.endpoint().resolve("/_sandbox/config/targets").toString()).then().statusCode(200);
        given().delete(SandboxResource.endpoint().resolve("/_sandbox/faults").toString()).then().statusCode(200);
    }

    @Test
    void anOutOfBandAttachmentIsDetachedAgainWhenItsRuleHasRemediationOn() {
        String role = "remediated-" + suffix();
        String arn = managedRole(role);
        try (IamClient iam = iam()) {
            iam.attachRolePolicy(r -> r.roleName(role).policyArn(ADMIN));
        }
        String finding = awaitFinding("rule=out-of-band-change&principalArn=" + arn);

        await().atMost(Duration.ofSeconds(30)).until(() -> events(finding) == 1);
        assertThat(attached(role)).isEmpty();
        JsonObject event = lastEvent(finding).getJsonObject("data");
        assertThat(event.getString("outcome")).isEqualTo("succeeded");
        assertThat(event.getString("action")).isEqualTo("detach " + ADMIN + " from role " + role);
        assertThat(event.getString("principalArn")).isEqualTo(arn);
        Api.get(Api.auditor(), "/api/v1/findings/" + finding + "/remediations").statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].status", org.hamcrest.Matchers.equalTo("SUCCEEDED"))
                .body("items[0].attempts", org.hamcrest.Matchers.equalTo(1));

        // the detach reaches drift as a Config change: the finding resolves, and the undo is no new drift
        await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(
                Api.get(Api.security(), "/api/v1/findings/" + finding).extract().path("status")));
        assertThat(findings("rule=out-of-band-change&status=OPEN&principalArn=" + arn)).isEmpty();

        // carried out once: further sweeps and a repeated action change nothing
        sweepNow();
        assertThat(events(finding)).isEqualTo(1);
        assertThat(remediator.apply("000000000000", new RemediationAction.DetachPolicy(
                RemediationAction.PrincipalKind.ROLE, role, ADMIN)).acted()).isFalse();
    }

    @Test
    void withRemediationOffTheAttachmentStaysAndNothingIsRecorded() {
        String role = "kept-" + suffix();
        String arn = managedRole(role);
        try (IamClient iam = iam()) {
            iam.attachRolePolicy(r -> r.roleName(role).policyArn(ADMIN));
        }
        String finding = awaitFinding("rule=out-of-band-change&principalArn=" + arn);
        sweepNow();

        assertThat(attached(role)).extracting(AttachedPolicy::policyArn).containsExactly(ADMIN);
        assertThat(events(finding)).isZero();
        assertThat(count("select count(*) from remediation where finding_id = $1", finding)).isZero();
        Api.get(Api.auditor(), "/api/v1/findings/" + finding).statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("OPEN"));
    }

    @Test
    void aFailedRemediationIsRecordedAndTheFindingStaysOpen() {
        String role = "remediated-" + suffix();
        String arn = managedRole(role);
        SandboxResource.control("/_sandbox/faults", "{\"action\":\"iam:DetachRolePolicy\",\"type\":\"error\","
                + "\"statusCode\":500,\"count\":1000}");
        try (IamClient iam = iam()) {
            iam.attachRolePolicy(r -> r.roleName(role).policyArn(ADMIN));
        }
        String finding = awaitFinding("rule=out-of-band-change&principalArn=" + arn);

        await().atMost(Duration.ofSeconds(60)).until(() -> events(finding) == 1);
        assertThat(lastEvent(finding).getJsonObject("data").getString("outcome")).startsWith("failed: ");
        Api.get(Api.auditor(), "/api/v1/findings/" + finding + "/remediations").statusCode(200)
                .body("items[0].status", org.hamcrest.Matchers.equalTo("FAILED"))
                .body("items[0].attempts", org.hamcrest.Matchers.equalTo(3));
        Api.get(Api.auditor(), "/api/v1/findings/" + finding).statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("OPEN"));
        assertThat(attached(role)).extracting(AttachedPolicy::policyArn).containsExactly(ADMIN);
    }

    @Test
    void anAccessKeyOlderThanAllowedIsDeactivated() {
        String user = "rem-" + suffix();
        String key;
        SandboxResource.control("/_sandbox/clock", "{\"set\":\"2025-01-01T00:00:00Z\"}");
        try (IamClient iam = iam()) {
            iam.createUser(r -> r.userName(user).path("/remediated/"));
            key = iam.createAccessKey(r -> r.userName(user)).accessKey().accessKeyId();
        } finally {
            SandboxResource.control("/_sandbox/clock", "{\"reset\":true}");
        }
        Api.reconcile();
        String arn = "arn:aws:iam::000000000000:user/remediated/" + user;
        String finding = awaitFinding("rule=access-key-too-old&principalArn=" + arn);

        await().atMost(Duration.ofSeconds(30)).until(() -> events(finding) == 1);
        assertThat(lastEvent(finding).getJsonObject("data").getString("outcome")).isEqualTo("succeeded");
        try (IamClient iam = iam()) {
            assertThat(iam.listAccessKeys(r -> r.userName(user)).accessKeyMetadata())
                    .singleElement().satisfies(k -> {
                        assertThat(k.accessKeyId()).isEqualTo(key);
                        assertThat(k.status()).isEqualTo(StatusType.INACTIVE);
                    });
        }
    }

    @Inject
    Vertx vertx;

    /** Runs a remediation sweep now, on a Vert.x context as the scheduler would. */
    private void sweepNow() {
        Uni.createFrom().<Integer>emitter(done -> {
            io.vertx.core.Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> remediations.runDue().subscribe().with(done::complete, done::fail));
        }).await().atMost(Duration.ofSeconds(30));
    }

    private String managedRole(String role) {
        try (IamClient iam = iam()) {
            iam.createRole(r -> r.roleName(role).path("/accessloop/").assumeRolePolicyDocument(TRUST));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !Api.get(Api.auditor(),
                "/api/v1/inventory/principals?type=ROLE&name=" + role).statusCode(200).extract().jsonPath()
                .getList("items").isEmpty());
        return "arn:aws:iam::000000000000:role/accessloop/" + role;
    }

    private static String awaitFinding(String query) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !findings(query).isEmpty());
        return findings(query).get(0).get("id").toString();
    }

    private static List<Map<String, Object>> findings(String query) {
        return Api.get(Api.security(), "/api/v1/findings?limit=200&" + query).statusCode(200).extract().jsonPath()
                .getList("items");
    }

    private List<AttachedPolicy> attached(String role) {
        try (IamClient iam = iam()) {
            return iam.listAttachedRolePolicies(r -> r.roleName(role)).attachedPolicies();
        }
    }

    private long events(String finding) {
        return count("select count(*) from outbox_event where type = '" + EventTypes.REMEDIATION_APPLIED.type()
                + "' and subject = $1", finding);
    }

    private JsonObject lastEvent(String finding) {
        return new JsonObject(db.preparedQuery("select envelope from outbox_event where type = $1 and subject = $2 "
                        + "order by id desc limit 1").execute(Tuple.of(EventTypes.REMEDIATION_APPLIED.type(), finding))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getString(0));
    }

    private long count(String sql, String param) {
        return db.preparedQuery(sql).execute(Tuple.of(param)).await().atMost(Duration.ofSeconds(5)).iterator().next()
                .getLong(0);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static IamClient iam() {
        return IamClient.builder().endpointOverride(SandboxResource.endpoint()).region(Region.US_EAST_1)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(SandboxResource.ACCESS_KEY, SandboxResource.SECRET_KEY)))
                .build();
    }
}

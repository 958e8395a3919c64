package io.accessloop.drift.reconcile;

import io.accessloop.drift.Api;
import io.accessloop.testsupport.SandboxResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Against the aws-sandbox demo account: reconciliation builds the inventory from the Config API, real SDK calls
 * reach drift through the sandbox's Config notifications, and what a dropped push missed is found by reconciliation.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxDriftTest {

    static final String ROLE = "arn:aws:iam::000000000000:role/accessloop/entitlement-reports-read";
    static final String ROLE_NAME = "entitlement-reports-read";

    @TestHTTPResource("/ingest/aws/events")
    URL ingest;

    @Test
    @Order(1)
    void reconciliationBuildsTheInventoryFromConfigAndFlagsTheSeededProblems() {
        SandboxResource.control("/_sandbox/seed/demo", "{}");
        JsonPath run = Api.reconcile();
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(run.getString("source")).isEqualTo("reconcile-config");
        assertThat(run.getInt("scanned")).isGreaterThan(5);
        assertThat(run.getInt("errors")).isZero();
        assertThat(run.getList("errorMessages")).isEmpty();
        assertThat(run.getString("requestedBy")).isEqualTo("sam@example.com");
        assertThat(run.getString("startedAt")).isNotNull();
        Api.get(Api.auditor(), "/api/v1/reconcile/" + run.getString("id")).statusCode(200)
                .body("status", equalTo("SUCCEEDED")).body("finishedAt", org.hamcrest.Matchers.notNullValue());

        JsonPath roles = Api.get(Api.auditor(), "/api/v1/inventory/principals?type=ROLE&name=entitlement-").statusCode(200)
                .extract().jsonPath();
        assertThat(roles.getList("items.name", String.class)).contains(ROLE_NAME);
        assertThat(roles.getList("items.managed", Boolean.class)).containsOnly(true);

        assertThat(findings("rule=admin-wildcard&status=OPEN")).extracting(f -> f.get("principalArn"))
                .anyMatch(arn -> arn.toString().endsWith(":policy/ops-admin-wildcard"));
        assertThat(findings("rule=unattached-policy&status=OPEN")).extracting(f -> f.get("principalArn"))
                .anyMatch(arn -> arn.toString().endsWith(":policy/legacy-s3-full-access"));
        assertThat(findings("rule=access-key-too-old&status=OPEN")).extracting(f -> f.get("principalArn"))
                .anyMatch(arn -> arn.toString().endsWith(":user/legacy-ops"));
        assertThat(findings("rule=unused-credentials&status=OPEN")).extracting(f -> f.get("principalArn"))
                .anyMatch(arn -> arn.toString().endsWith(":user/legacy-batch"));
    }

    @Test
    @Order(2)
    void anOutOfBandAttachRolePolicyMadeWithTheSdkBecomesAFindingNamingWhoDidIt() {
        SandboxResource.control("/_sandbox/config/targets", "{\"url\":\"" + ingest + "\",\"headerName\":\""
                + Api.API_KEY_HEADER + "\",\"headerValue\":\"test-key-current\"}");
        try (IamClient iam = iam("test", "test")) {
            iam.attachRolePolicy(r -> r.roleName(ROLE_NAME).policyArn("arn:aws:iam::aws:policy/AdministratorAccess"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !findings(
                "rule=out-of-band-change&status=OPEN&principalArn=" + ROLE).isEmpty());
        // the actor is looked up in CloudTrail after the change was recorded (the attribution backfill)
        await().atMost(Duration.ofSeconds(20)).until(() -> findings("rule=out-of-band-change&status=OPEN&principalArn="
                + ROLE).get(0).get("changedBy") != null);
        Map<String, Object> finding = findings("rule=out-of-band-change&status=OPEN&principalArn=" + ROLE).get(0);
        assertThat(finding.get("changedBy")).isEqualTo("arn:aws:iam::000000000000:root");
        assertThat((String) finding.get("summary")).contains("AdministratorAccess");

        try (IamClient iam = iam("test", "test")) {
            iam.detachRolePolicy(r -> r.roleName(ROLE_NAME).policyArn("arn:aws:iam::aws:policy/AdministratorAccess"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> findings(
                "rule=out-of-band-change&status=OPEN&principalArn=" + ROLE).isEmpty());
    }

    @Test
    @Order(3)
    void theBrokersOwnRevocationPolicyIsNotDrift() {
        try (IamClient broker = iam("AKIAACCESSLOOPBROKER", "accessloop-demo-broker-secret-key-0000000")) {
            broker.putRolePolicy(r -> r.roleName(ROLE_NAME).policyName("accessloop-revocations")
                    .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\","
                            + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/accessloop:grant-id\":"
                            + "\"grt_1\"}}}]}"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> inlineNames().contains("accessloop-revocations"));
        // recorded before CloudTrail named the broker, the change is joined to the broker's call by the attribution
        // backfill: whatever was opened without an actor meanwhile is resolved as made by Accessloop
        await().atMost(Duration.ofSeconds(20)).until(() -> findings("rule=out-of-band-change&status=OPEN&principalArn="
                + ROLE).isEmpty());
        assertThat(findings("rule=out-of-band-change&principalArn=" + ROLE))
                .filteredOn(f -> f.get("summary").toString().contains("accessloop-revocations"))
                .extracting(f -> f.get("changedBy")).containsOnly("arn:aws:iam::000000000000:user/accessloop-broker");
    }

    @Test
    @Order(4)
    void aChangeWhosePushWasDroppedIsFoundByReconciliation() {
        given().delete(SandboxResource.endpoint().resolve("/_sandbox/config/targets").toString()).then().statusCode(200);
        try (IamClient iam = iam("test", "test")) {
            iam.putRolePolicy(r -> r.roleName(ROLE_NAME).policyName("quick-fix")
                    .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                            + "\"Resource\":\"*\"}]}"));
        }
        assertThat(inlineNames()).doesNotContain("quick-fix");
        assertThat(Api.reconcile().getString("status")).isEqualTo("SUCCEEDED");
        assertThat(inlineNames()).contains("quick-fix");
        List<Map<String, Object>> outOfBand = findings("rule=out-of-band-change&status=OPEN&principalArn=" + ROLE);
        assertThat(outOfBand).extracting(f -> f.get("summary").toString()).anyMatch(s -> s.contains("quick-fix"));
        await().atMost(Duration.ofSeconds(20)).until(() -> findings("rule=out-of-band-change&status=OPEN&principalArn="
                + ROLE).stream().allMatch(f -> f.get("changedBy") != null));
        assertThat(findings("rule=out-of-band-change&status=OPEN&principalArn=" + ROLE))
                .extracting(f -> f.get("changedBy")).containsOnly("arn:aws:iam::000000000000:root");
        assertThat(findings("rule=service-wildcard&status=OPEN&principalArn=" + ROLE)).hasSize(1);
    }

    @Test
    @Order(5)
    void anOversizedNotificationIsFetchedFromTheConfigApi() {
        String id = Api.get(Api.auditor(), "/api/v1/inventory/principals?type=POLICY&name=legacy-s3-full-access")
                .statusCode(200).extract().path("items[0].resourceId");
        com.fasterxml.jackson.databind.node.ObjectNode pointer =
                io.accessloop.drift.Samples.load("eventbridge-config-oversized-policy.json");
        pointer.put("id", java.util.UUID.randomUUID().toString());
        ((com.fasterxml.jackson.databind.node.ObjectNode) pointer.get("detail").get("configurationItemSummary"))
                .put("resourceId", id).put("resourceName", "legacy-s3-full-access");
        String raw = Api.push(pointer).statusCode(202).extract().path("rawEventId");
        await().atMost(Duration.ofSeconds(20)).until(() -> outcome(raw) != null);
        // the item fetched from Config is the one reconciliation stored already: found, and not applied twice
        assertThat(outcome(raw)).isEqualTo("stale");
        pointer.put("id", java.util.UUID.randomUUID().toString());
        ((com.fasterxml.jackson.databind.node.ObjectNode) pointer.get("detail").get("configurationItemSummary"))
                .put("resourceId", "ANPA-NEVER-RECORDED");
        String missing = Api.push(pointer).statusCode(202).extract().path("rawEventId");
        await().atMost(Duration.ofSeconds(20)).until(() -> outcome(missing) != null);
        assertThat(outcome(missing)).isEqualTo("not-recorded");
    }

    private String outcome(String rawEventId) {
        var rows = pool.preparedQuery("select outcome from raw_event where id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(rawEventId)).await().atMost(Duration.ofSeconds(5));
        return rows.iterator().next().getString(0);
    }

    @jakarta.inject.Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @Test
    @Order(6)
    void onlySecurityEngineersAndAdminsMayReconcile() {
        given().header("Authorization", Api.auditor()).post("/api/v1/reconcile").then().statusCode(403);
        given().header("Authorization", Api.employee()).post("/api/v1/reconcile").then().statusCode(403);
        given().post("/api/v1/reconcile").then().statusCode(401);
    }

    private List<String> inlineNames() {
        return Api.get(Api.auditor(), "/api/v1/inventory/principals?type=ROLE&name=" + ROLE_NAME).statusCode(200)
                .extract().jsonPath().getList("items[0].inlinePolicies.name", String.class);
    }

    private static List<Map<String, Object>> findings(String query) {
        return Api.get(Api.security(), "/api/v1/findings?limit=200&" + query).statusCode(200).extract().jsonPath()
                .getList("items");
    }

    private static IamClient iam(String key, String secret) {
        return IamClient.builder().endpointOverride(SandboxResource.endpoint()).region(Region.US_EAST_1)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .build();
    }
}

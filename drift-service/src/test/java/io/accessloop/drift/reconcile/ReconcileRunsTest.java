package io.accessloop.drift.reconcile;

import io.accessloop.drift.Api;
import io.accessloop.testsupport.SandboxResource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Reconciliation runs in the background: 202 and a status URL, one run per account, abandoned runs taken over. */
@QuarkusTest
class ReconcileRunsTest {

    @Inject
    Pool db;

    /** Something for a run to find: a role made with the SDK in the sandbox account. */
    private static void roleInTheAccount() {
        try (IamClient iam = IamClient.builder().endpointOverride(SandboxResource.endpoint()).region(Region.US_EAST_1)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(SandboxResource.ACCESS_KEY, SandboxResource.SECRET_KEY)))
                .build()) {
            iam.createRole(r -> r.roleName("reconcile-" + UUID.randomUUID().toString().substring(0, 8))
                    .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
        }
    }

    @Test
    void aRunIsAcceptedAtOnceAndItsStatusUrlShowsItFinish() {
        roleInTheAccount();
        var started = given().header("Authorization", Api.security()).post("/api/v1/reconcile");
        started.then().statusCode(202).body("id", startsWith("rec_")).body("accountId", equalTo("default"))
                .body("status", equalTo("QUEUED")).body("trigger", equalTo("api"));
        String id = started.jsonPath().getString("id");
        assertThat(started.header("Location")).endsWith("/api/v1/reconcile/" + id);
        assertThat(started.jsonPath().getString("statusUrl")).isEqualTo("/api/v1/reconcile/" + id);
        await().atMost(Duration.ofSeconds(60)).until(() -> "SUCCEEDED".equals(
                Api.get(Api.auditor(), "/api/v1/reconcile/" + id).statusCode(200).extract().path("status")));
        Api.get(Api.auditor(), "/api/v1/reconcile/" + id).body("scanned", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void anAccountHasOneRunAtATimeAndARunWhoseReplicaDiedIsTakenOver() {
        roleInTheAccount();
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from reconcile_run "
                + "where account_id = 'default' and status in ('QUEUED', 'RUNNING')") == 0);
        String orphan = "rec_" + UUID.randomUUID();
        db.preparedQuery("insert into reconcile_run (id, account_id, trigger, status, requested_at, started_at, "
                        + "scanned, changed, errors, holder, lease_until) values ($1, 'default', 'api', 'RUNNING', "
                        + "now(), now(), 0, 0, 0, 'drift-gone', $2)")
                .execute(Tuple.of(orphan, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(10)))
                .await().atMost(Duration.ofSeconds(5));
        long runs = count("select count(*) from reconcile_run");

        given().header("Authorization", Api.security()).post("/api/v1/reconcile").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:accessloop:problem:reconcile-running"))
                .body("detail", containsString("/api/v1/reconcile/" + orphan));
        assertThat(count("select count(*) from reconcile_run")).isEqualTo(runs);

        // the replica holding it is gone: once its lease has run out, another one finishes the run
        db.preparedQuery("update reconcile_run set lease_until = now() - interval '1 second' where id = $1")
                .execute(Tuple.of(orphan)).await().atMost(Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(60)).until(() -> "SUCCEEDED".equals(
                Api.get(Api.auditor(), "/api/v1/reconcile/" + orphan).extract().path("status")));
        Api.get(Api.auditor(), "/api/v1/reconcile/" + orphan).body("scanned", org.hamcrest.Matchers.greaterThan(0));
        assertThat(Api.reconcile().getString("status")).isEqualTo("SUCCEEDED");
    }

    @Test
    void onlySecurityEngineersAndAdminsStartRunsAndUnknownAccountsOrRunsAreRefused() {
        long runs = count("select count(*) from reconcile_run");
        given().header("Authorization", Api.auditor()).post("/api/v1/reconcile").then().statusCode(403);
        given().header("Authorization", Api.employee()).post("/api/v1/reconcile").then().statusCode(403);
        given().post("/api/v1/reconcile").then().statusCode(401);
        given().header("Authorization", Api.security()).post("/api/v1/reconcile?accountId=999999999999").then()
                .statusCode(400).body("type", equalTo("urn:accessloop:problem:invalid-account"));
        assertThat(count("select count(*) from reconcile_run")).isEqualTo(runs);
        Api.get(Api.auditor(), "/api/v1/reconcile/rec_missing").statusCode(404);
        Api.get(Api.employee(), "/api/v1/reconcile/rec_missing").statusCode(403);
    }

    private long count(String sql) {
        return db.query(sql).execute().await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }
}

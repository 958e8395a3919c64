package io.accessloop.drift.rightsizing;

import io.accessloop.drift.rightsizing.service.UsageCollector;
import io.accessloop.testsupport.SandboxResource;
import io.accessloop.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.Group;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user that uses only part of what its group grants is right-sized without touching the group: it leaves the
 * group and keeps an inline copy of what it uses; the other members keep everything; rollback restores membership.
 */
@QuarkusTest
class GroupRightsizingTest {

    private static final String ANALYST = "arn:aws:iam::" + SandboxResource.ACCOUNT + ":user/analyst";
    private static final String GROUP_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:GetObject\",\"sqs:SendMessage\"],\"Resource\":\"*\"}]}";

    @Inject
    UsageCollector collector;
    @Inject
    Pool db;

    private IamClient iam;
    private AccessKey analystKey;
    private AccessKey colleagueKey;

    @BeforeEach
    void twoUsersInOneGroup() {
        db.query("delete from rs_usage_daily; delete from rs_denied_call; delete from rs_usage_source; "
                + "delete from rs_proposal; delete from rs_seen_event").execute().await().indefinitely();
        SandboxResource.control("/_sandbox/reset", "{}");
        iam = IamClient.builder().endpointOverride(SandboxResource.endpoint()).region(Region.US_EAST_1)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        SandboxResource.ACCESS_KEY, SandboxResource.SECRET_KEY))).build();
        SandboxResource.control("/_sandbox/clock", "{\"set\":\"" + Instant.now().minus(Duration.ofDays(60)) + "\"}");
        iam.createGroup(r -> r.groupName("analysts"));
        iam.putGroupPolicy(r -> r.groupName("analysts").policyName("read-and-send").policyDocument(GROUP_POLICY));
        for (String user : new String[] {"analyst", "colleague"}) {
            iam.createUser(r -> r.userName(user));
            iam.addUserToGroup(r -> r.groupName("analysts").userName(user));
        }
        analystKey = iam.createAccessKey(r -> r.userName("analyst")).accessKey();
        colleagueKey = iam.createAccessKey(r -> r.userName("colleague")).accessKey();
        SandboxResource.control("/_sandbox/clock", "{\"reset\":true}");
    }

    @AfterEach
    void close() {
        SandboxResource.control("/_sandbox/clock", "{\"reset\":true}");
        iam.close();
    }

    private static boolean call(AccessKey key, String action, String eventName, String resource) {
        return JsonPath.from(SandboxResource.control("/_sandbox/simulate", "{\"accessKeyId\":\"" + key.accessKeyId()
                + "\",\"secretAccessKey\":\"" + key.secretAccessKey() + "\",\"action\":\"" + action
                + "\",\"eventName\":\"" + eventName + "\",\"resource\":\"" + resource + "\"}")).getBoolean("allowed");
    }

    @Test
    void theUserLeavesTheSharedGroupWithACopyOfWhatItUsesAndRollbackRestoresIt() throws Throwable {
        assertThat(call(analystKey, "s3:GetObject", "GetObject", "arn:aws:s3:::reports/daily.csv")).isTrue();
        VertxContextSupport.subscribeAndAwait(() -> collector.pollLookupEvents());

        JsonPath proposal = given().header("Authorization", security()).contentType(ContentType.JSON)
                .body(Map.of("principalArn", ANALYST, "windowDays", 30)).post("/api/v1/proposals").then()
                .statusCode(201).extract().jsonPath();
        String id = proposal.getString("proposal.id");
        assertThat(proposal.getList("proposal.changes.kind")).containsExactly("ADD_INLINE", "LEAVE_GROUP");
        assertThat(proposal.getBoolean("proposal.proven")).isTrue();
        assertThat(proposal.getList("proposal.evidence.removals.action")).containsExactly("sqs:SendMessage");

        given().header("Authorization", security()).post("/api/v1/proposals/" + id + "/approve").then().statusCode(200);
        given().header("Authorization", security()).post("/api/v1/proposals/" + id + "/apply").then().statusCode(200);

        assertThat(iam.listGroupsForUser(r -> r.userName("analyst")).groups()).isEmpty();
        assertThat(iam.listUserPolicies(r -> r.userName("analyst")).policyNames())
                .containsExactly("accessloop-rightsized-analysts-read-and-send");
        assertThat(iam.listGroupsForUser(r -> r.userName("colleague")).groups()).extracting(Group::groupName)
                .containsExactly("analysts");
        assertThat(iam.listGroupPolicies(r -> r.groupName("analysts")).policyNames()).containsExactly("read-and-send");
        assertThat(call(analystKey, "s3:GetObject", "GetObject", "arn:aws:s3:::reports/daily.csv")).isTrue();
        assertThat(call(analystKey, "sqs:SendMessage", "SendMessage", "arn:aws:sqs:us-east-1:"
                + SandboxResource.ACCOUNT + ":jobs")).isFalse();
        assertThat(call(colleagueKey, "sqs:SendMessage", "SendMessage", "arn:aws:sqs:us-east-1:"
                + SandboxResource.ACCOUNT + ":jobs")).as("the other member keeps the group's access").isTrue();

        given().header("Authorization", security()).contentType(ContentType.JSON).body(Map.of("reason", "needs queues"))
                .post("/api/v1/proposals/" + id + "/rollback").then().statusCode(200);
        assertThat(iam.listGroupsForUser(r -> r.userName("analyst")).groups()).extracting(Group::groupName)
                .containsExactly("analysts");
        assertThat(iam.listUserPolicies(r -> r.userName("analyst")).policyNames()).isEmpty();
        assertThat(call(analystKey, "sqs:SendMessage", "SendMessage", "arn:aws:sqs:us-east-1:"
                + SandboxResource.ACCOUNT + ":jobs")).isTrue();
    }

    /** Signed at the moment of use: a token lives five minutes, a slow class can run longer. */
    private static String security() {
        return Tokens.bearer("sec@example.com", "security");
    }
}

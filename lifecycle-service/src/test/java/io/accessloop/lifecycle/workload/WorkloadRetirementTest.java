package io.accessloop.lifecycle.workload;

import io.accessloop.contracts.EventTypes;
import io.accessloop.lifecycle.support.Db;
import io.accessloop.lifecycle.support.Iam;
import io.accessloop.lifecycle.support.Roles;
import io.accessloop.lifecycle.workload.service.RetireAtSweep;
import io.accessloop.lifecycle.workload.service.WorkloadRetirement;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class WorkloadRetirementTest {

    @Inject
    RetireAtSweep retireAt;

    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    @Test
    void retiringAWorkloadRemovesItsRolesAfterSavingTheirDefinitions() {
        String suffix = Long.toString(System.nanoTime(), 36);
        String workload = "wl-" + suffix;
        String api = "api-" + suffix;
        String worker = "worker-" + suffix;
        String untouched = "other-" + suffix;
        var iam = Iam.client();
        for (String role : new String[]{api, worker}) {
            iam.createRole(b -> b.roleName(role).assumeRolePolicyDocument(TRUST)
                    .tags(Tag.builder().key("accessloop:workload").value(workload).build()));
        }
        iam.createRole(b -> b.roleName(untouched).assumeRolePolicyDocument(TRUST));
        iam.putRolePolicy(b -> b.roleName(api).policyName("read").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"));
        String managed = iam.createPolicy(b -> b.policyName("wl-managed-" + suffix).policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:ListQueues\",\"Resource\":\"*\"}]}"))
                .policy().arn();
        iam.attachRolePolicy(b -> b.roleName(api).policyArn(managed));
        iam.createInstanceProfile(b -> b.instanceProfileName("ip-" + suffix));
        iam.addRoleToInstanceProfile(b -> b.instanceProfileName("ip-" + suffix).roleName(worker));

        given().header("Authorization", Roles.employee("eve@example.com")).contentType("application/json")
                .body("{\"reason\":\"decommissioned\"}").post("/api/v1/workloads/" + workload + "/retire")
                .then().statusCode(403);
        given().header("Authorization", Roles.security()).contentType("application/json").body("{\"reason\":\"\"}")
                .post("/api/v1/workloads/" + workload + "/retire").then().statusCode(400);
        assertThat(iam.getRole(b -> b.roleName(api)).role().roleName()).isEqualTo(api);

        JsonPath answer = given().header("Authorization", Roles.security()).contentType("application/json")
                .body("{\"reason\":\"decommissioned\"}").post("/api/v1/workloads/" + workload + "/retire")
                .then().statusCode(200).body("workloadId", equalTo(workload)).body("roles", hasSize(2))
                .extract().jsonPath();

        String apiPath = "roles.find { it.roleName == '" + api + "' }";
        assertThat(answer.getString(apiPath + ".definition.inlinePolicies.read")).contains("s3:GetObject");
        assertThat(answer.getList(apiPath + ".definition.managedPolicyArns", String.class)).containsExactly(managed);
        assertThat(answer.getString(apiPath + ".definition.assumeRolePolicyDocument")).contains("ec2.amazonaws.com");
        assertThat(answer.getList("roles.find { it.roleName == '" + worker + "' }.definition.instanceProfiles",
                String.class)).containsExactly("ip-" + suffix);
        assertThatThrownBy(() -> iam.getRole(b -> b.roleName(api))).isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> iam.getRole(b -> b.roleName(worker))).isInstanceOf(NoSuchEntityException.class);
        assertThat(iam.getRole(b -> b.roleName(untouched)).role().roleName()).isEqualTo(untouched);
        assertThat(Db.count("select count(*) from retired_role where workload_id = ?", workload)).isEqualTo(2);
        assertThat(Db.count("select count(*) from outbox_event where type = ? and envelope like ?",
                EventTypes.WORKLOAD_RETIRED.type(), "%" + workload + "%")).isEqualTo(2);

        given().header("Authorization", Roles.security()).contentType("application/json")
                .body("{\"reason\":\"decommissioned\"}").post("/api/v1/workloads/" + workload + "/retire")
                .then().statusCode(200).body("roles", hasSize(2));
        given().header("Authorization", Roles.security()).contentType("application/json")
                .body("{\"reason\":\"x\"}").post("/api/v1/workloads/never-heard-of-" + suffix + "/retire")
                .then().statusCode(404);
        assertThat(Db.count("select count(*) from outbox_event where type = ? and envelope like ?",
                EventTypes.WORKLOAD_RETIRED.type(), "%" + workload + "%")).isEqualTo(2);
    }

    @Test
    void rolesWhoseRetireAtTagHasPassedAreRetiredOnceAndUnreadableOrFutureTagsAreLeftAlone() {
        String suffix = Long.toString(System.nanoTime(), 36);
        String due = "due-" + suffix;
        String dueAlone = "due-alone-" + suffix;
        String future = "future-" + suffix;
        String garbled = "garbled-" + suffix;
        var iam = Iam.client();
        String dueArn = iam.createRole(b -> b.roleName(due).assumeRolePolicyDocument(TRUST).tags(
                Tag.builder().key("accessloop:retire-at").value(Instant.now().minusSeconds(60).toString()).build(),
                Tag.builder().key("accessloop:workload").value("batch-" + suffix).build())).role().arn();
        iam.putRolePolicy(b -> b.roleName(due).policyName("write").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:PutObject\",\"Resource\":\"*\"}]}"));
        String dueAloneArn = iam.createRole(b -> b.roleName(dueAlone).assumeRolePolicyDocument(TRUST).tags(
                Tag.builder().key("accessloop:retire-at").value("2020-01-01T00:00:00+02:00").build())).role().arn();
        iam.createRole(b -> b.roleName(future).assumeRolePolicyDocument(TRUST).tags(
                Tag.builder().key("accessloop:retire-at").value(Instant.now().plus(Duration.ofDays(1)).toString()).build()));
        iam.createRole(b -> b.roleName(garbled).assumeRolePolicyDocument(TRUST).tags(
                Tag.builder().key("accessloop:retire-at").value("next tuesday").build()));

        RetireAtSweep.Result first = retireAt.run();

        assertThat(first.retired()).extracting(WorkloadRetirement.RetiredRole::roleName).contains(due, dueAlone)
                .doesNotContain(future, garbled);
        assertThat(first.unreadable()).contains(garbled);
        assertThat(first.failed()).isEmpty();
        assertThatThrownBy(() -> iam.getRole(b -> b.roleName(due))).isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> iam.getRole(b -> b.roleName(dueAlone))).isInstanceOf(NoSuchEntityException.class);
        assertThat(iam.getRole(b -> b.roleName(future)).role().roleName()).isEqualTo(future);
        assertThat(iam.getRole(b -> b.roleName(garbled)).role().roleName()).isEqualTo(garbled);
        assertThat(Db.query("select workload_id, definition, retired_by from retired_role where role_name = ?", due).get(0))
                .containsEntry("workload_id", "batch-" + suffix).containsEntry("retired_by", "lifecycle-service")
                .extractingByKey("definition").asString().contains("s3:PutObject", "accessloop:retire-at");
        assertThat(Db.query("select workload_id from retired_role where role_name = ?", dueAlone).get(0))
                .containsEntry("workload_id", dueAlone);
        assertThat(retiredEvents(dueArn)).hasSize(1);
        assertThat(retiredEvents(dueAloneArn)).hasSize(1);
        assertThat(retiredEvents(dueArn).get(0)).contains("\"retiredBy\":\"lifecycle-service\"", "has passed");

        RetireAtSweep.Result second = retireAt.run();

        assertThat(second.retired()).extracting(WorkloadRetirement.RetiredRole::roleName).doesNotContain(due, dueAlone);
        assertThat(retiredEvents(dueArn)).hasSize(1);
        assertThat(Db.count("select count(*) from retired_role where role_name = ?", due)).isEqualTo(1);
        assertThat(iam.getRole(b -> b.roleName(garbled)).role().roleName()).isEqualTo(garbled);
    }

    private static java.util.List<String> retiredEvents(String arn) {
        return Db.query("select envelope from outbox_event where type = ? and subject = ?",
                EventTypes.WORKLOAD_RETIRED.type(), arn).stream().map(r -> (String) r.get("envelope")).toList();
    }
}

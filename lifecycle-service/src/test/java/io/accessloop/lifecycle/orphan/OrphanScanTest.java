package io.accessloop.lifecycle.orphan;

import io.accessloop.contracts.EventTypes;
import io.accessloop.lifecycle.orphan.service.OrphanScan;
import io.accessloop.lifecycle.support.Db;
import io.accessloop.lifecycle.support.Iam;
import io.accessloop.lifecycle.support.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.Tag;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class OrphanScanTest {

    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    @Inject
    OrphanScan scan;

    @Test
    void rolesWithoutAPresentOwnerBecomeFindingsThatResolveOnceSomeoneOwnsThem() {
        String s = Long.toString(System.nanoTime(), 36);
        String present = "here-" + s + "@example.com";
        String gone = "gone-" + s + "@example.com";
        Db.update("insert into identity (email, status, updated_at) values (?, 'ACTIVE', now()), (?, 'OFFBOARDED', now())",
                present, gone);
        var iam = Iam.client();
        String noOwner = role(iam, "no-owner-" + s, null);
        String leftOwner = role(iam, "left-owner-" + s, gone);
        String unknownOwner = role(iam, "unknown-owner-" + s, "stranger-" + s + "@example.com");
        String owned = role(iam, "owned-" + s, present);

        assertThat(scan.run()).isPositive();

        JsonPath open = given().header("Authorization", Roles.auditor()).get("/api/v1/orphans")
                .then().statusCode(200).extract().jsonPath();
        assertThat(open.getList("items.principalArn", String.class)).contains(noOwner, leftOwner, unknownOwner)
                .doesNotContain(owned);
        assertThat(open.getString("items.find { it.principalArn == '" + leftOwner + "' }.reason"))
                .isEqualTo("owner " + gone + " left the company");
        assertThat(open.getString("items.find { it.principalArn == '" + leftOwner + "' }.proposedAction"))
                .startsWith("hand over to a new owner");

        assertThat(orphanEvents(noOwner)).hasSize(1);
        assertThat(orphanEvents(owned)).isEmpty();
        JsonPath left = JsonPath.from(orphanEvents(leftOwner).get(0));
        assertThat(left.getString("data.reason")).isEqualTo("owner-offboarded");
        assertThat(left.getString("data.owner")).isEqualTo(gone);
        assertThat(left.getString("data.principalArn")).isEqualTo(leftOwner);
        assertThat(left.getString("data.proposedAction")).startsWith("hand over to a new owner");
        assertThat(left.getString("data.accountId")).isNotEmpty();
        assertThat(JsonPath.from(orphanEvents(unknownOwner).get(0)).getString("data.reason")).isEqualTo("owner-unknown");
        assertThat(JsonPath.from(orphanEvents(noOwner).get(0)).getString("data.owner")).isEmpty();

        iam.tagRole(b -> b.roleName("left-owner-" + s).tags(Tag.builder().key("accessloop:owner").value(present).build()));
        scan.run();

        assertThat(given().header("Authorization", Roles.auditor()).queryParam("status", "RESOLVED")
                .get("/api/v1/orphans").then().statusCode(200).extract().jsonPath()
                .getList("items.principalArn", String.class)).contains(leftOwner);
        assertThat(Db.count("select count(*) from audit_entry where principal_arn = ? and kind like ?", leftOwner,
                "io.accessloop.lifecycle.orphan.%")).isEqualTo(2);
        assertThat(orphanEvents(noOwner)).as("a rescan of a still-open orphan publishes nothing").hasSize(1);
        assertThat(orphanEvents(leftOwner)).hasSize(1);
        given().header("Authorization", Roles.employee(present)).get("/api/v1/orphans").then().statusCode(403);
        given().header("Authorization", Roles.auditor()).queryParam("status", "maybe").get("/api/v1/orphans")
                .then().statusCode(400);
    }

    private static java.util.List<String> orphanEvents(String arn) {
        return Db.query("select envelope from outbox_event where type = ? and subject = ?",
                EventTypes.ORPHAN_FOUND.type(), arn).stream().map(r -> (String) r.get("envelope")).toList();
    }

    private static String role(software.amazon.awssdk.services.iam.IamClient iam, String name, String owner) {
        return iam.createRole(b -> {
            b.roleName(name).assumeRolePolicyDocument(TRUST);
            if (owner != null) {
                b.tags(Tag.builder().key("accessloop:owner").value(owner).build());
            }
        }).role().arn();
    }
}

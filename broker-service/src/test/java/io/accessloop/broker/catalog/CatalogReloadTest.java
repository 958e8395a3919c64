package io.accessloop.broker.catalog;

import io.accessloop.broker.CatalogDirResource;
import io.accessloop.broker.SandboxAccount;
import io.accessloop.testsupport.SandboxResource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static io.accessloop.broker.Api.ADMIN;
import static io.accessloop.broker.Api.SEC;
import static io.accessloop.broker.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The catalog folder is watched: a valid change takes effect, an invalid one is refused and the last good stays. */
@QuarkusTest
class CatalogReloadTest {

    private static final String BROKEN = """
            entitlements:
              - name: broken
                account: "0"
                roleArn: not-an-arn
                maxDuration: 1h
                eligible: [payments]
                approval: {required: 1}
            """;

    private static final String EXTRA = """
            entitlements:
              - name: extra-readonly
                account: "000000000000"
                roleArn: arn:aws:iam::000000000000:role/extra-readonly
                maxDuration: 1h
                eligible: [security]
                approval: {automatic: true}
            """;

    @Test
    void anInvalidFileIsRefusedWithEveryErrorAndTheLastGoodCatalogStays() throws Exception {
        Path file = CatalogDirResource.dir().resolve("zz-broken.yaml");
        Files.writeString(file, BROKEN);
        try {
            as(ADMIN).post("/api/v1/catalog/reload").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:accessloop:problem:catalog-invalid"))
                    .body("errors", hasItems("zz-broken.yaml:3: account must be 12 digits",
                            "zz-broken.yaml:4: roleArn 'not-an-arn' is not an IAM role ARN",
                            "zz-broken.yaml:7: approval needs 'approvers' (groups) unless 'automatic: true'"));
            as(SEC).get("/api/v1/catalog").then().statusCode(200).body("entitlements", equalTo(4))
                    .body("refusedAt", notNullValue()).body("problems.size()", equalTo(3));
            as(SEC).get("/api/v1/entitlements").then().body("items.size()", equalTo(4));
        } finally {
            Files.delete(file);
        }
        as(ADMIN).post("/api/v1/catalog/reload").then().statusCode(200).body("refusedAt", nullValue());
    }

    private static final String WEAK = """
            entitlements:
              - name: weak-role
                account: "000000000000"
                roleArn: arn:aws:iam::000000000000:role/weak-trust
                maxDuration: 2h
                eligible: [security]
                approval: {automatic: true}
              - name: ghost-role
                account: "000000000000"
                roleArn: arn:aws:iam::000000000000:role/does-not-exist
                maxDuration: 1h
                eligible: [security]
                approval: {automatic: true}
            """;

    @Test
    void theCatalogCheckFlagsRolesThatCannotServeTheirEntitlement() throws Exception {
        SandboxAccount.ensureRoles();
        try (IamClient iam = SandboxAccount.iam(AwsBasicCredentials.create(SandboxResource.ACCESS_KEY,
                SandboxResource.SECRET_KEY))) {
            try {
                iam.createRole(b -> b.roleName("weak-trust").maxSessionDuration(3600).assumeRolePolicyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},"
                                + "\"Action\":\"sts:AssumeRole\"}]}"));
            } catch (EntityAlreadyExistsException exists) {
                // created by an earlier run in this JVM
            }
        }
        Path file = CatalogDirResource.dir().resolve("weak.yaml");
        Files.writeString(file, WEAK);
        try {
            as(ADMIN).post("/api/v1/catalog/reload").then().statusCode(200)
                    .body("warnings", hasItems(
                            "weak.yaml: weak-role: the trust policy of arn:aws:iam::000000000000:role/weak-trust does "
                                    + "not allow sts:SetSourceIdentity, sts:TagSession for arn:aws:iam::000000000000:root",
                            "weak.yaml: weak-role: the role's maximum session (3600 s) is shorter than maxDuration "
                                    + "(7200 s): credentials will need refreshing within a grant",
                            "weak.yaml: ghost-role: role arn:aws:iam::000000000000:role/does-not-exist does not exist"))
                    .body("warnings.findAll { it.contains('production.yaml') }.size()", equalTo(0));
        } finally {
            Files.delete(file);
        }
        as(ADMIN).post("/api/v1/catalog/reload").then().statusCode(200).body("entitlements", equalTo(4));
    }

    @Test
    void aValidChangeIsPickedUpWithoutARestart() throws Exception {
        Path file = CatalogDirResource.dir().resolve("extra.yaml");
        Files.writeString(file, EXTRA);
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(SEC).get("/api/v1/entitlements")
                    .then().body("items.name", hasItem("extra-readonly")));
        } finally {
            Files.delete(file);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(SEC).get("/api/v1/entitlements")
                .then().body("items.size()", equalTo(4)));
    }
}

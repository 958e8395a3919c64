package io.accessloop.broker.revocation;

import io.accessloop.broker.Api;
import io.accessloop.broker.Db;
import io.accessloop.broker.SandboxAccount;
import io.accessloop.broker.revocation.domain.RevocationEntry;
import io.accessloop.broker.revocation.domain.RevocationPolicy;
import io.accessloop.iam.policy.PolicySizeLimits;
import io.accessloop.testsupport.SandboxResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.accessloop.broker.Api.ALICE;
import static io.accessloop.broker.Api.BOB;
import static io.accessloop.broker.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A role whose inline policies leave no room gets one role-wide deny of every session issued before the next whole
 * second; a session the broker issues right after must not be born inside it.
 */
@QuarkusTest
class RoleWideDenyTest {

    private static final String ROLE = "arn:aws:iam::000000000000:role/prod-readonly";

    @Test
    void credentialsIssuedRightAfterACompactedRevocationWork() {
        SandboxAccount.ensureRoles();
        try (IamClient iam = SandboxAccount.iam(AwsBasicCredentials.create(SandboxResource.ACCESS_KEY,
                SandboxResource.SECRET_KEY))) {
            // start from a role without revocations, then leave room for a role-wide deny but not for a grant's
            Db.update("delete from revocation_entry where role_arn = ?", ROLE);
            try {
                iam.deleteRolePolicy(b -> b.roleName("prod-readonly").policyName("accessloop-revocations"));
            } catch (NoSuchEntityException none) {
                // nothing revoked on this role yet
            }
            int permissions = PolicySizeLimits.countedCharacters(URLDecoder.decode(iam.getRolePolicy(b -> b
                    .roleName("prod-readonly").policyName("permissions")).policyDocument(), StandardCharsets.UTF_8));
            String padding = padding(RevocationPolicy.ROLE_INLINE_LIMIT - permissions - roomBetweenRoleWideAndGrant());
            iam.putRolePolicy(b -> b.roleName("prod-readonly").policyName("padding").policyDocument(padding));
            try {
                String revoked = Api.grantFor(ALICE, "prod-readonly");
                String kept = Api.grantFor(ALICE, "prod-readonly");

                as(BOB).body(Map.of("reason", "compaction test")).post("/api/v1/grants/" + revoked + "/revoke")
                        .then().statusCode(200);
                JsonPath keys = as(ALICE).post("/api/v1/grants/" + kept + "/credentials").then().statusCode(200)
                        .extract().jsonPath();

                String deny = URLDecoder.decode(iam.getRolePolicy(b -> b.roleName("prod-readonly")
                        .policyName("accessloop-revocations")).policyDocument(), StandardCharsets.UTF_8);
                assertThat(deny).as("the revocation had to be compacted").contains("RevokedAllSessions")
                        .doesNotContain(revoked);
                try (IamClient session = SandboxAccount.iamWith(keys.getString("AccessKeyId"),
                        keys.getString("SecretAccessKey"), keys.getString("SessionToken"))) {
                    assertThat(session.listRoles().roles()).isNotEmpty();
                }
            } finally {
                iam.deleteRolePolicy(b -> b.roleName("prod-readonly").policyName("padding"));
            }
        }
    }

    /** Midway between the size of a role-wide deny and of a one-grant deny. */
    private static int roomBetweenRoleWideAndGrant() {
        Instant now = Instant.now();
        int roleWide = new RevocationPolicy(List.of(new RevocationEntry(RevocationEntry.Kind.ROLE, "*", now,
                now.plusSeconds(3600)))).characters();
        int oneGrant = new RevocationPolicy(List.of(new RevocationEntry(RevocationEntry.Kind.GRANT,
                "grt_01JABCD2EFGH3JKMN4PQRS5TVW", now, now.plusSeconds(3600)))).characters();
        assertThat(oneGrant).isGreaterThan(roleWide + 10);
        return (roleWide + oneGrant) / 2;
    }

    /** An allow of exactly {@code characters} counted characters (the Sid makes up the difference). */
    private static String padding(int characters) {
        String template = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"%s\",\"Effect\":\"Allow\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::accessloop-padding/*\"}]}";
        int fixed = PolicySizeLimits.countedCharacters(String.format(template, ""));
        return String.format(template, "P".repeat(characters - fixed));
    }
}

package io.accessloop.broker;

import io.accessloop.testsupport.SandboxResource;
import io.accessloop.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Active grants written straight into the broker's database (hundreds in a test, without a request and an approval
 * each), their sessions opened through the broker's API, and the sandbox's verdict on a call made with them.
 */
public final class StoredGrants {

    private static final Map<String, String> ROLES = Map.of(
            "prod-readonly", "arn:aws:iam::000000000000:role/prod-readonly",
            "prod-oncall", "arn:aws:iam::000000000000:role/prod-oncall",
            "dev-sandbox", "arn:aws:iam::000000000000:role/dev-sandbox");

    private StoredGrants() {
    }

    public static String roleArn(String entitlement) {
        return ROLES.get(entitlement);
    }

    /** An ACTIVE grant of {@code identity} on the entitlement's role, ending in an hour; returns its id. */
    public static String insertActive(String identity, String entitlement) {
        String id = "grt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 26).toUpperCase();
        Instant now = Instant.now();
        Db.update("insert into access_grant (id, request_id, identity, entitlement, account_id, role_arn, starts_at, "
                        + "ends_at, break_glass, status) values (?, ?, ?, ?, '000000000000', ?, ?, ?, false, 'ACTIVE')",
                id, "req_" + id.substring(4), identity, entitlement, roleArn(entitlement),
                Timestamp.from(now), Timestamp.from(now.plus(Duration.ofHours(1))));
        return id;
    }

    /** Starts the role over without revocations (stored entries and the policy in IAM). */
    public static void clearRevocations(String entitlement) {
        Db.update("delete from revocation_entry where role_arn = ?", roleArn(entitlement));
        try (IamClient iam = SandboxAccount.iam(AwsBasicCredentials.create(SandboxResource.ACCESS_KEY,
                SandboxResource.SECRET_KEY))) {
            iam.deleteRolePolicy(b -> b.roleName(entitlement).policyName("accessloop-revocations"));
        } catch (NoSuchEntityException none) {
            // nothing revoked on this role yet
        }
    }

    /** Opens a session of the grant as its owner (a payments employee) through the broker's credentials endpoint. */
    public static JsonPath session(String identity, String grant) {
        return given().header("Authorization", Tokens.bearer(identity, "employee", "payments"))
                .contentType(ContentType.JSON)
                .post("/api/v1/grants/" + grant + "/credentials").then().statusCode(200).extract().jsonPath();
    }

    /** The sandbox's decision ({@code ALLOWED}, {@code EXPLICIT_DENY}, …) for iam:GetRole made with the session. */
    public static String decision(JsonPath session, String roleArn) {
        String body = """
                {"accessKeyId":"%s","secretAccessKey":"%s","sessionToken":"%s","action":"iam:GetRole",
                 "resource":"%s"}""".formatted(session.getString("AccessKeyId"), session.getString("SecretAccessKey"),
                session.getString("SessionToken"), roleArn);
        return JsonPath.from(SandboxResource.control("/_sandbox/simulate", body)).getString("decision");
    }
}

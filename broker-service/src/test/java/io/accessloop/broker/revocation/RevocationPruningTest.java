package io.accessloop.broker.revocation;

import io.accessloop.broker.Api;
import io.accessloop.broker.Db;
import io.accessloop.broker.SandboxAccount;
import io.accessloop.broker.revocation.service.RevocationPruning;
import io.accessloop.testsupport.SandboxResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.accessloop.broker.Api.ALICE;
import static io.accessloop.broker.Api.BOB;
import static io.accessloop.broker.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The role's deny policy carries exactly the entries that can still match a live session. */
@QuarkusTest
class RevocationPruningTest {

    private static final String ROLE = "arn:aws:iam::000000000000:role/prod-readonly";

    @Inject
    RevocationPruning pruning;

    @Test
    void entriesThatCanNoLongerMatchAreRemovedAndAnEmptyPolicyIsDeleted() throws Throwable {
        SandboxAccount.ensureRoles();
        String grant = Api.grantFor(ALICE, "prod-readonly");
        as(BOB).body(Map.of("reason", "test")).post("/api/v1/grants/" + grant + "/revoke").then().statusCode(200);
        try (IamClient iam = SandboxAccount.iam(AwsBasicCredentials.create(SandboxResource.ACCESS_KEY,
                SandboxResource.SECRET_KEY))) {
            String document = URLDecoder.decode(iam.getRolePolicy(b -> b.roleName("prod-readonly")
                    .policyName("accessloop-revocations")).policyDocument(), StandardCharsets.UTF_8);
            assertThat(document).contains(grant).contains("aws:PrincipalTag/accessloop:grant-id");

            Db.update("update revocation_entry set prune_after = now() - interval '1 second' where role_arn = ?", ROLE);
            int rewritten = VertxContextSupport.subscribeAndAwait(() -> pruning.pruneDue());

            assertThat(rewritten).isGreaterThanOrEqualTo(1);
            assertThat(Db.count("select count(*) from revocation_entry where role_arn = ?", ROLE)).isZero();
            assertThatThrownBy(() -> iam.getRolePolicy(b -> b.roleName("prod-readonly")
                    .policyName("accessloop-revocations"))).isInstanceOf(NoSuchEntityException.class);
        }
    }
}

package io.accessloop.sandbox;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
class IamRolesTest extends SandboxTestBase {

    @Test
    void createsGetsListsAndDeletesRoles() {
        Role created = iam.createRole(r -> r.roleName("app").path("/team/").assumeRolePolicyDocument(trustAccount())
                .maxSessionDuration(7200).description("the app").tags(Tag.builder().key("team").value("red").build()))
                .role();
        assertThat(created.arn()).isEqualTo("arn:aws:iam::000000000000:role/team/app");
        assertThat(created.roleId()).startsWith("AROA").hasSize(21);

        Role fetched = iam.getRole(r -> r.roleName("app")).role();
        assertThat(fetched.maxSessionDuration()).isEqualTo(7200);
        assertThat(fetched.tags()).extracting(Tag::key).containsExactly("team");
        assertThat(fetched.assumeRolePolicyDocument()).startsWith("%7B");
        assertThat(URLDecoder.decode(fetched.assumeRolePolicyDocument(), StandardCharsets.UTF_8))
                .isEqualTo(trustAccount());

        assertThat(iam.listRoles().roles()).extracting(Role::roleName).containsExactly("app");
        iam.deleteRole(r -> r.roleName("app"));
        assertThatThrownBy(() -> iam.getRole(r -> r.roleName("app")))
                .isInstanceOf(NoSuchEntityException.class).hasMessageContaining("app");
    }

    @Test
    void refusesDuplicatesBadNamesAndBadTrustPolicies() {
        iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(trustAccount()));
        assertThatThrownBy(() -> iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(trustAccount())))
                .isInstanceOf(EntityAlreadyExistsException.class);
        assertThatThrownBy(() -> iam.createRole(r -> r.roleName("bad name!").assumeRolePolicyDocument(trustAccount())))
                .isInstanceOf(IamException.class).hasMessageContaining("regular expression");
        assertThatThrownBy(() -> iam.createRole(r -> r.roleName("broken").assumeRolePolicyDocument("{not json")))
                .isInstanceOf(MalformedPolicyDocumentException.class);
        assertThatThrownBy(() -> iam.createRole(r -> r.roleName("long").assumeRolePolicyDocument(trustAccount())
                .maxSessionDuration(50_000))).isInstanceOf(IamException.class).hasMessageContaining("43200");
        assertThat(iam.listRoles().roles()).extracting(Role::roleName).containsExactly("app");
    }

    @Test
    void inlinePoliciesAreLimitedTo10240CharactersPerRole() {
        iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(trustAccount()));
        iam.putRolePolicy(r -> r.roleName("app").policyName("read").policyDocument(allow("s3:GetObject", "*")));
        assertThat(iam.listRolePolicies(r -> r.roleName("app")).policyNames()).containsExactly("read");
        String fetched = iam.getRolePolicy(r -> r.roleName("app").policyName("read")).policyDocument();
        assertThat(URLDecoder.decode(fetched, StandardCharsets.UTF_8)).isEqualTo(allow("s3:GetObject", "*"));

        StringBuilder big = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        for (int i = 0; i < 200; i++) {
            big.append(i == 0 ? "" : ",").append("{\"Sid\":\"S").append(i)
                    .append("\",\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket-")
                    .append(i).append("/*\"}");
        }
        String oversized = big.append("]}").toString();
        assertThatThrownBy(() -> iam.putRolePolicy(r -> r.roleName("app").policyName("big").policyDocument(oversized)))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("10240");
        assertThat(iam.listRolePolicies(r -> r.roleName("app")).policyNames()).containsExactly("read");

        assertThatThrownBy(() -> iam.deleteRole(r -> r.roleName("app"))).isInstanceOf(DeleteConflictException.class);
        iam.deleteRolePolicy(r -> r.roleName("app").policyName("read"));
        assertThatThrownBy(() -> iam.getRolePolicy(r -> r.roleName("app").policyName("read")))
                .isInstanceOf(NoSuchEntityException.class);
        iam.deleteRole(r -> r.roleName("app"));
    }

    @Test
    void pagesRolesWithMarkers() {
        for (int i = 0; i < 5; i++) {
            String name = "role-" + i;
            iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(trustAccount()));
        }
        var first = iam.listRoles(r -> r.maxItems(2));
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.roles()).hasSize(2);
        var second = iam.listRoles(r -> r.maxItems(10).marker(first.marker()));
        assertThat(second.isTruncated()).isFalse();
        assertThat(second.roles()).hasSize(3);
        assertThat(iam.listRolesPaginator().roles().stream().count()).isEqualTo(5);
    }

    @Test
    void iamCallsCarryRequestAndResourceTagsForAbac() {
        iam.createRole(r -> r.roleName("red-app").assumeRolePolicyDocument(trustAccount())
                .tags(Tag.builder().key("team").value("red").build()));
        iam.createRole(r -> r.roleName("blue-app").assumeRolePolicyDocument(trustAccount())
                .tags(Tag.builder().key("team").value("blue").build()));
        iam.createUser(r -> r.userName("red-admin"));
        iam.putUserPolicy(r -> r.userName("red-admin").policyName("abac").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"iam:GetRole\","
                        + "\"iam:TagRole\"],\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                        + "{\"aws:ResourceTag/team\":\"red\"}}}]}"));
        var key = iam.createAccessKey(r -> r.userName("red-admin")).accessKey();
        try (var redAdmin = AwsClients.iam(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                key.accessKeyId(), key.secretAccessKey()))) {
            assertThat(redAdmin.getRole(r -> r.roleName("red-app")).role().roleName()).isEqualTo("red-app");
            assertThatThrownBy(() -> redAdmin.getRole(r -> r.roleName("blue-app")))
                    .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .isEqualTo("AccessDenied"));
        }
    }
}

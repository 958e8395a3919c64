package io.accessloop.sandbox;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.StatusType;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
class IamUsersGroupsPoliciesTest extends SandboxTestBase {

    @Test
    void accessKeysAreLimitedToTwoAndTrackLastUse() {
        iam.createUser(r -> r.userName("alice"));
        AccessKey first = iam.createAccessKey(r -> r.userName("alice")).accessKey();
        assertThat(first.accessKeyId()).startsWith("AKIA").hasSize(20);
        assertThat(first.secretAccessKey()).hasSize(40);
        iam.createAccessKey(r -> r.userName("alice"));
        assertThatThrownBy(() -> iam.createAccessKey(r -> r.userName("alice")))
                .isInstanceOf(LimitExceededException.class);
        assertThat(iam.listAccessKeys(r -> r.userName("alice")).accessKeyMetadata()).hasSize(2);

        assertThat(iam.getAccessKeyLastUsed(r -> r.accessKeyId(first.accessKeyId())).accessKeyLastUsed()
                .lastUsedDate()).isNull();
        iam.putUserPolicy(r -> r.userName("alice").policyName("self").policyDocument(allow("iam:GetUser", "*")));
        try (IamClient alice = AwsClients.iam(AwsBasicCredentials.create(first.accessKeyId(),
                first.secretAccessKey()))) {
            assertThat(alice.getUser().user().userName()).isEqualTo("alice");
        }
        var lastUsed = iam.getAccessKeyLastUsed(r -> r.accessKeyId(first.accessKeyId())).accessKeyLastUsed();
        assertThat(lastUsed.lastUsedDate()).isNotNull();
        assertThat(lastUsed.serviceName()).isEqualTo("iam");

        iam.updateAccessKey(r -> r.userName("alice").accessKeyId(first.accessKeyId()).status(StatusType.INACTIVE));
        assertThat(iam.listAccessKeys(r -> r.userName("alice")).accessKeyMetadata())
                .anyMatch(k -> k.status() == StatusType.INACTIVE);
        assertThatThrownBy(() -> iam.deleteUser(r -> r.userName("alice"))).isInstanceOf(DeleteConflictException.class);
    }

    @Test
    void groupsMembershipLoginProfilesAndMfa() {
        iam.createUser(r -> r.userName("bob"));
        iam.createGroup(r -> r.groupName("devs"));
        assertThatThrownBy(() -> iam.createGroup(r -> r.groupName("devs")))
                .isInstanceOf(EntityAlreadyExistsException.class);
        iam.addUserToGroup(r -> r.groupName("devs").userName("bob"));
        assertThat(iam.getGroup(r -> r.groupName("devs")).users()).extracting(u -> u.userName()).containsExactly("bob");
        assertThat(iam.listGroupsForUser(r -> r.userName("bob")).groups()).extracting(g -> g.groupName())
                .containsExactly("devs");
        assertThatThrownBy(() -> iam.deleteGroup(r -> r.groupName("devs"))).isInstanceOf(DeleteConflictException.class);

        iam.createLoginProfile(r -> r.userName("bob").password("Sup3r-secret!").passwordResetRequired(true));
        assertThat(iam.getLoginProfile(r -> r.userName("bob")).loginProfile().passwordResetRequired()).isTrue();
        assertThatThrownBy(() -> iam.createLoginProfile(r -> r.userName("bob").password("Sup3r-secret!")))
                .isInstanceOf(EntityAlreadyExistsException.class);

        String serial = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("bob-phone")).virtualMFADevice()
                .serialNumber();
        assertThat(serial).isEqualTo("arn:aws:iam::000000000000:mfa/bob-phone");
        iam.enableMFADevice(r -> r.userName("bob").serialNumber(serial).authenticationCode1("123456")
                .authenticationCode2("654321"));
        assertThat(iam.listMFADevices(r -> r.userName("bob")).mfaDevices()).extracting(d -> d.serialNumber())
                .containsExactly(serial);

        iam.removeUserFromGroup(r -> r.groupName("devs").userName("bob"));
        iam.deleteLoginProfile(r -> r.userName("bob"));
        assertThatThrownBy(() -> iam.deleteUser(r -> r.userName("bob"))).isInstanceOf(DeleteConflictException.class)
                .hasMessageContaining("MFA");
        iam.deactivateMFADevice(r -> r.userName("bob").serialNumber(serial));
        iam.deleteVirtualMFADevice(r -> r.serialNumber(serial));
        iam.deleteUser(r -> r.userName("bob"));
        iam.deleteGroup(r -> r.groupName("devs"));
        assertThatThrownBy(() -> iam.getUser(r -> r.userName("bob"))).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void managedPoliciesHaveVersionsAndAttachments() {
        Policy policy = iam.createPolicy(r -> r.policyName("reader").policyDocument(allow("s3:GetObject", "*")))
                .policy();
        assertThat(policy.arn()).isEqualTo("arn:aws:iam::000000000000:policy/reader");
        assertThat(policy.defaultVersionId()).isEqualTo("v1");
        assertThatThrownBy(() -> iam.createPolicy(r -> r.policyName("broken").policyDocument("{\"Statement\":[]")))
                .isInstanceOf(MalformedPolicyDocumentException.class);

        iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(trustAccount()));
        iam.createUser(r -> r.userName("carol"));
        iam.attachRolePolicy(r -> r.roleName("app").policyArn(policy.arn()));
        iam.attachUserPolicy(r -> r.userName("carol").policyArn(policy.arn()));
        assertThat(iam.getPolicy(r -> r.policyArn(policy.arn())).policy().attachmentCount()).isEqualTo(2);
        var entities = iam.listEntitiesForPolicy(r -> r.policyArn(policy.arn()));
        assertThat(entities.policyRoles()).extracting(e -> e.roleName()).containsExactly("app");
        assertThat(entities.policyUsers()).extracting(e -> e.userName()).containsExactly("carol");
        assertThat(iam.listEntitiesForPolicy(r -> r.policyArn(policy.arn()).entityFilter(EntityType.ROLE))
                .policyUsers()).isEmpty();
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName("app")).attachedPolicies())
                .extracting(AttachedPolicy::policyName).containsExactly("reader");

        for (int i = 2; i <= 5; i++) {
            iam.createPolicyVersion(r -> r.policyArn(policy.arn()).policyDocument(allow("s3:ListBucket", "*"))
                    .setAsDefault(true));
        }
        assertThatThrownBy(() -> iam.createPolicyVersion(r -> r.policyArn(policy.arn())
                .policyDocument(allow("s3:ListBucket", "*")))).isInstanceOf(LimitExceededException.class);
        assertThat(iam.listPolicyVersions(r -> r.policyArn(policy.arn())).versions())
                .extracting(PolicyVersion::versionId).containsExactly("v5", "v4", "v3", "v2", "v1");
        PolicyVersion v5 = iam.getPolicyVersion(r -> r.policyArn(policy.arn()).versionId("v5")).policyVersion();
        assertThat(v5.isDefaultVersion()).isTrue();
        assertThat(URLDecoder.decode(v5.document(), StandardCharsets.UTF_8)).contains("s3:ListBucket");
        assertThatThrownBy(() -> iam.deletePolicyVersion(r -> r.policyArn(policy.arn()).versionId("v5")))
                .isInstanceOf(DeleteConflictException.class);
        iam.setDefaultPolicyVersion(r -> r.policyArn(policy.arn()).versionId("v1"));
        iam.deletePolicyVersion(r -> r.policyArn(policy.arn()).versionId("v5"));

        assertThatThrownBy(() -> iam.deletePolicy(r -> r.policyArn(policy.arn())))
                .isInstanceOf(DeleteConflictException.class);
        for (int i = 0; i < 9; i++) {
            String name = "p" + i;
            String arn = iam.createPolicy(r -> r.policyName(name).policyDocument(allow("s3:GetObject", "*")))
                    .policy().arn();
            iam.attachRolePolicy(r -> r.roleName("app").policyArn(arn));
        }
        String eleventh = iam.createPolicy(r -> r.policyName("p10").policyDocument(allow("s3:GetObject", "*")))
                .policy().arn();
        assertThatThrownBy(() -> iam.attachRolePolicy(r -> r.roleName("app").policyArn(eleventh)))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("PoliciesPerRole");
        assertThat(iam.listPolicies(r -> r.scope("Local").onlyAttached(true)).policies()).hasSize(10);
        assertThat(iam.listPolicies(r -> r.scope("AWS")).policies()).extracting(Policy::policyName)
                .contains("AdministratorAccess");
    }

    @Test
    void accountAuthorizationDetailsListEverything() {
        iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(trustAccount()));
        iam.putRolePolicy(r -> r.roleName("app").policyName("inline").policyDocument(allow("s3:*", "*")));
        iam.createUser(r -> r.userName("dave"));
        iam.createGroup(r -> r.groupName("ops"));
        iam.addUserToGroup(r -> r.groupName("ops").userName("dave"));
        String arn = iam.createPolicy(r -> r.policyName("ops").policyDocument(allow("ec2:*", "*"))).policy().arn();
        iam.attachGroupPolicy(r -> r.groupName("ops").policyArn(arn));

        GetAccountAuthorizationDetailsResponse details = iam.getAccountAuthorizationDetails();
        assertThat(details.roleDetailList()).singleElement().satisfies(role -> {
            assertThat(role.roleName()).isEqualTo("app");
            assertThat(role.rolePolicyList()).extracting(p -> p.policyName()).containsExactly("inline");
            assertThat(URLDecoder.decode(role.rolePolicyList().get(0).policyDocument(), StandardCharsets.UTF_8))
                    .contains("s3:*");
        });
        assertThat(details.userDetailList()).singleElement().satisfies(u -> assertThat(u.groupList())
                .containsExactly("ops"));
        assertThat(details.groupDetailList()).singleElement().satisfies(g -> assertThat(g.attachedManagedPolicies())
                .extracting(AttachedPolicy::policyArn).containsExactly(arn));
        assertThat(details.policies()).extracting(p -> p.policyName()).containsExactly("ops");
        assertThat(details.policies().get(0).policyVersionList()).hasSize(1);

        var firstPage = iam.getAccountAuthorizationDetails(r -> r.maxItems(2));
        assertThat(firstPage.isTruncated()).isTrue();
        assertThat(firstPage.userDetailList()).hasSize(1);
        assertThat(firstPage.groupDetailList()).hasSize(1);
        assertThat(firstPage.roleDetailList()).isEmpty();
        var rest = iam.getAccountAuthorizationDetails(r -> r.maxItems(2).marker(firstPage.marker()));
        assertThat(rest.roleDetailList()).hasSize(1);
        assertThat(rest.policies()).hasSize(1);
        assertThat(rest.isTruncated()).isFalse();
    }

    @Test
    void credentialReportListsUsersAndKeys() {
        iam.createUser(r -> r.userName("erin"));
        iam.createAccessKey(r -> r.userName("erin"));
        assertThat(iam.generateCredentialReport().stateAsString()).isEqualTo("COMPLETE");
        String csv = iam.getCredentialReport().content().asUtf8String();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("user,arn,user_creation_time");
        assertThat(csv).contains("erin,arn:aws:iam::000000000000:user/erin");
        assertThat(csv.lines().filter(l -> l.startsWith("erin,")).findFirst().orElseThrow()).contains(",true,");
    }

    @Test
    void userCleanUpListsAreAnsweredForExistingUsersOnly() {
        iam.createUser(r -> r.userName("leaver"));
        assertThat(iam.listSigningCertificates(r -> r.userName("leaver")).certificates()).isEmpty();
        assertThat(iam.listSSHPublicKeys(r -> r.userName("leaver")).sshPublicKeys()).isEmpty();
        assertThat(iam.listServiceSpecificCredentials(r -> r.userName("leaver")).serviceSpecificCredentials())
                .isEmpty();
        assertThatThrownBy(() -> iam.listSSHPublicKeys(r -> r.userName("nobody")))
                .isInstanceOf(NoSuchEntityException.class);
        assertThat(iam.listAccountAliases().accountAliases()).isEmpty();
        assertThatThrownBy(iam::getAccountPasswordPolicy).isInstanceOf(NoSuchEntityException.class);
    }
}

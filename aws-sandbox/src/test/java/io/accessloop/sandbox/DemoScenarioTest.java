package io.accessloop.sandbox;

import io.accessloop.sandbox.control.Scenarios;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.model.ServiceLastAccessed;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.services.sts.model.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
class DemoScenarioTest extends SandboxTestBase {

    @BeforeEach
    void seedDemo() {
        Scenarios.seed(sandbox, "demo");
    }

    @Test
    void theBrokerAssumesEntitlementRolesWithSourceIdentityAndTags() {
        try (StsClient broker = AwsClients.sts(AwsBasicCredentials.create(Scenarios.BROKER_ACCESS_KEY_ID,
                Scenarios.BROKER_SECRET_ACCESS_KEY))) {
            var response = broker.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/accessloop/entitlement-reports-read")
                    .roleSessionName("alice").sourceIdentity("alice@example.com")
                    .tags(Tag.builder().key("accessloop:grant-id").value("grt_1").build()));
            assertThat(response.sourceIdentity()).isEqualTo("alice@example.com");
            assertThatThrownBy(() -> broker.assumeRole(r -> r.roleArn(
                    "arn:aws:iam::000000000000:role/accessloop/entitlement-legacy-support").roleSessionName("alice")
                    .sourceIdentity("alice@example.com"))).isInstanceOf(StsException.class)
                    .hasMessageContaining("sts:SetSourceIdentity");
        }
    }

    @Test
    void theReportingRoleReadsS3DailyButHasNotWrittenToRdsForWeeks() {
        String jobId = iam.generateServiceLastAccessedDetails(r -> r.arn("arn:aws:iam::000000000000:role/workload-reporting"))
                .jobId();
        List<ServiceLastAccessed> services = iam.getServiceLastAccessedDetails(r -> r.jobId(jobId)).servicesLastAccessed();
        Instant now = Instant.now();
        assertThat(services).filteredOn(s -> s.serviceNamespace().equals("s3")).singleElement()
                .satisfies(s -> assertThat(s.lastAuthenticated()).isAfter(now.minus(Duration.ofDays(2))));
        assertThat(services).filteredOn(s -> s.serviceNamespace().equals("rds")).singleElement()
                .satisfies(s -> assertThat(s.lastAuthenticated()).isBefore(now.minus(Duration.ofDays(40))));
    }

    @Test
    void legacyUsersAndRiskyPoliciesArePresent() {
        var keys = iam.listAccessKeys(r -> r.userName("legacy-ops")).accessKeyMetadata();
        assertThat(keys.get(0).createDate()).isBefore(Instant.now().minus(Duration.ofDays(399)));
        var lastUsed = iam.getAccessKeyLastUsed(r -> r.accessKeyId("AKIADEMOLEGACYBATCH1")).accessKeyLastUsed();
        assertThat(lastUsed.lastUsedDate()).isBefore(Instant.now().minus(Duration.ofDays(119)));
        var unattached = iam.getPolicy(r -> r.policyArn("arn:aws:iam::000000000000:policy/legacy-s3-full-access"))
                .policy();
        assertThat(unattached.attachmentCount()).isZero();
        var admin = iam.getPolicy(r -> r.policyArn("arn:aws:iam::000000000000:policy/ops-admin-wildcard")).policy();
        assertThat(admin.attachmentCount()).isEqualTo(1);
    }
}

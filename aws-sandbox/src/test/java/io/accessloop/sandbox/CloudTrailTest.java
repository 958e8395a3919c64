package io.accessloop.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.InvalidLookupAttributesException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidTimeRangeException;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
class CloudTrailTest extends SandboxTestBase {

    private static LookupAttribute attribute(LookupAttributeKey key, String value) {
        return LookupAttribute.builder().attributeKey(key).attributeValue(value).build();
    }

    @Test
    void everyCallBecomesARecordInCloudTrailsShape() throws Exception {
        iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(trustAccount()));
        Credentials session;
        try (StsClient sts = AwsClients.sts(AwsClients.ROOT)) {
            session = sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/app").roleSessionName("alice")
                    .sourceIdentity("alice@example.com")).credentials();
        }
        try (var denied = AwsClients.iam(AwsClients.session(session))) {
            assertThatThrownBy(() -> denied.deleteRole(r -> r.roleName("app")))
                    .isInstanceOfSatisfying(software.amazon.awssdk.services.iam.model.IamException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        }
        try (CloudTrailClient trail = AwsClients.cloudTrail(AwsClients.ROOT)) {
            Event create = trail.lookupEvents(r -> r.lookupAttributes(attribute(LookupAttributeKey.EVENT_NAME,
                    "CreateRole"))).events().get(0);
            assertThat(create.eventSource()).isEqualTo("iam.amazonaws.com");
            assertThat(create.readOnly()).isEqualTo("false");
            assertThat(create.username()).isEqualTo("root");
            assertThat(create.resources()).anyMatch(res -> res.resourceType().equals("AWS::IAM::Role")
                    && res.resourceName().equals("app"));
            JsonNode record = new ObjectMapper().readTree(create.cloudTrailEvent());
            assertThat(record.path("eventVersion").asText()).isEqualTo("1.08");
            assertThat(record.path("userIdentity").path("type").asText()).isEqualTo("Root");
            assertThat(record.path("requestParameters").path("roleName").asText()).isEqualTo("app");
            assertThat(record.path("responseElements").path("role").path("arn").asText())
                    .isEqualTo("arn:aws:iam::000000000000:role/app");
            assertThat(record.path("recipientAccountId").asText()).isEqualTo(ACCOUNT);
            assertThat(record.path("eventType").asText()).isEqualTo("AwsApiCall");
            assertThat(record.path("awsRegion").asText()).isEqualTo("us-east-1");

            Event assume = trail.lookupEvents(r -> r.lookupAttributes(attribute(LookupAttributeKey.EVENT_NAME,
                    "AssumeRole"))).events().get(0);
            JsonNode assumeRecord = new ObjectMapper().readTree(assume.cloudTrailEvent());
            assertThat(assumeRecord.path("responseElements").path("credentials").path("accessKeyId").asText())
                    .isEqualTo(session.accessKeyId());
            assertThat(assume.cloudTrailEvent()).doesNotContain(session.secretAccessKey())
                    .doesNotContain(session.sessionToken());

            Event denial = trail.lookupEvents(r -> r.lookupAttributes(attribute(LookupAttributeKey.USERNAME,
                    "alice"))).events().get(0);
            JsonNode deniedRecord = new ObjectMapper().readTree(denial.cloudTrailEvent());
            assertThat(deniedRecord.path("errorCode").asText()).isEqualTo("AccessDenied");
            assertThat(deniedRecord.path("userIdentity").path("sessionContext").path("sourceIdentity").asText())
                    .isEqualTo("alice@example.com");
            assertThat(deniedRecord.path("userIdentity").path("sessionContext").path("sessionIssuer").path("arn")
                    .asText()).isEqualTo("arn:aws:iam::000000000000:role/app");
            assertThat(deniedRecord.path("responseElements").isNull()).isTrue();
        }
    }

    @Test
    void lookupPagesFiltersByTimeAndRejectsBadInput() {
        for (int i = 0; i < 7; i++) {
            String name = "user-" + i;
            iam.createUser(r -> r.userName(name));
        }
        try (CloudTrailClient trail = AwsClients.cloudTrail(AwsClients.ROOT)) {
            Set<String> seen = new HashSet<>();
            LookupEventsResponse page = trail.lookupEvents(r -> r.maxResults(3).lookupAttributes(
                    attribute(LookupAttributeKey.EVENT_NAME, "CreateUser")));
            assertThat(page.events()).hasSize(3);
            page.events().forEach(e -> seen.add(e.eventId()));
            String token = page.nextToken();
            while (token != null) {
                String current = token;
                page = trail.lookupEvents(r -> r.maxResults(3).nextToken(current).lookupAttributes(
                        attribute(LookupAttributeKey.EVENT_NAME, "CreateUser")));
                page.events().forEach(e -> seen.add(e.eventId()));
                token = page.nextToken();
            }
            assertThat(seen).hasSize(7);
            List<Event> newestFirst = trail.lookupEvents(r -> r.lookupAttributes(
                    attribute(LookupAttributeKey.EVENT_NAME, "CreateUser"))).events();
            assertThat(newestFirst.get(0).resources().get(0).resourceName()).isEqualTo("user-6");

            Instant future = Instant.now().plus(Duration.ofHours(1));
            assertThat(trail.lookupEvents(r -> r.startTime(future)).events()).isEmpty();
            assertThat(trail.lookupEvents(r -> r.startTime(Instant.now().minusSeconds(600))
                    .endTime(Instant.now().plusSeconds(5))).events()).isNotEmpty();

            assertThatThrownBy(() -> trail.lookupEvents(r -> r.startTime(future).endTime(Instant.now())))
                    .isInstanceOf(InvalidTimeRangeException.class);
            assertThatThrownBy(() -> trail.lookupEvents(r -> r.lookupAttributes(
                    attribute(LookupAttributeKey.EVENT_NAME, "A"), attribute(LookupAttributeKey.USERNAME, "B"))))
                    .isInstanceOf(InvalidLookupAttributesException.class);
            assertThatThrownBy(() -> trail.lookupEvents(r -> r.nextToken("garbage!")))
                    .isInstanceOf(InvalidNextTokenException.class);
        }
    }
}

package io.accessloop.deploy.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.deploy.support.CloudFormation;
import io.accessloop.deploy.support.Repository;
import io.accessloop.deploy.support.ServiceConfig;
import io.accessloop.deploy.support.Yaml;
import io.accessloop.iam.analysis.BroadAccess;
import io.accessloop.iam.eval.AuthorizationRequest;
import io.accessloop.iam.eval.Decision;
import io.accessloop.iam.eval.PolicyEvaluator;
import io.accessloop.iam.eval.PolicySet;
import io.accessloop.iam.eval.RequestContext;
import io.accessloop.iam.eval.TrustDecision;
import io.accessloop.iam.eval.TrustEvaluator;
import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.PolicyKind;
import io.accessloop.iam.policy.PolicyParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The member-account templates: entitlement roles that trust only the broker, and the push of IAM changes to drift. */
class MemberAccountTemplatesTest {

    static final String ROLE = ServiceAwsCalls.MEMBER_ENTITLEMENT;
    static final String BROKER_ROLE = "arn:aws:iam::" + ServiceAwsCalls.OWN + ":role/accessloop-broker";
    static final String BROKER_SESSION = "arn:aws:sts::" + ServiceAwsCalls.OWN + ":assumed-role/accessloop-broker/pod";

    static final CloudFormation MEMBER = CloudFormation.load(Repository.path("deploy/aws/accessloop-member-account.yaml"),
            Map.of("DriftIngestEndpoint", "https://hooks.accessloop.example.com/ingest/aws/events",
                    "IngestApiKey", "a-test-api-key-that-is-long-enough-0123",
                    "AccessloopAccountId", ServiceAwsCalls.OWN,
                    "ExternalId", ServiceAwsCalls.EXTERNAL_ID));

    @Test
    void theBrokerAssumesTheRoleWithTheExternalIdSettingSourceIdentityAndGrantTags() {
        TrustDecision decision = TrustEvaluator.assumeRole(EntitlementRoleTemplate.trustPolicy(ROLE), ROLE,
                BROKER_SESSION, brokerContext(ServiceAwsCalls.EXTERNAL_ID), ServiceRolesTest.identityPolicies("broker-service"),
                true, true);
        assertThat(decision.allowed()).as(String.valueOf(decision.refusal())).isTrue();
    }

    @Test
    void withoutTheExternalIdTheBrokerIsRefused() {
        TrustDecision wrong = TrustEvaluator.assumeRole(EntitlementRoleTemplate.trustPolicy(ROLE), ROLE, BROKER_SESSION,
                brokerContext("someone-elses-id"), ServiceRolesTest.identityPolicies("broker-service"), true, true);
        TrustDecision none = TrustEvaluator.assumeRole(EntitlementRoleTemplate.trustPolicy(ROLE), ROLE, BROKER_SESSION,
                brokerContext(null), ServiceRolesTest.identityPolicies("broker-service"), true, true);
        assertThat(wrong.allowed()).isFalse();
        assertThat(none.allowed()).isFalse();
    }

    @Test
    void noOtherPrincipalOfTheAccessloopAccountMayAssumeIt() {
        for (String other : List.of("arn:aws:sts::" + ServiceAwsCalls.OWN + ":assumed-role/accessloop-drift/pod",
                "arn:aws:iam::" + ServiceAwsCalls.OWN + ":user/admin",
                "arn:aws:iam::" + ServiceAwsCalls.MEMBER + ":user/local-admin")) {
            RequestContext context = RequestContext.builder()
                    .put("sts:ExternalId", ServiceAwsCalls.EXTERNAL_ID)
                    .build();
            assertThat(TrustEvaluator.trustPolicyPermits(EntitlementRoleTemplate.trustPolicy(ROLE), ROLE, other,
                    TrustEvaluator.ASSUME_ROLE, context))
                    .as(other).isFalse();
        }
    }

    @Test
    void sessionTagsOtherThanAccessloopsAreRefused() {
        RequestContext foreignTag = RequestContext.builder()
                .put("aws:PrincipalArn", BROKER_ROLE)
                .put("aws:TagKeys", ServiceAwsCalls.GRANT_TAG, "cost-center")
                .build();
        assertThat(TrustEvaluator.trustPolicyPermits(EntitlementRoleTemplate.trustPolicy(ROLE), ROLE, BROKER_SESSION,
                TrustEvaluator.TAG_SESSION, foreignTag)).isFalse();
    }

    @Test
    void theBrokersOwnCatalogCheckFindsNothingMissing() {
        assertThat(TrustEvaluator.missingBrokerActions(EntitlementRoleTemplate.trustPolicy(ROLE), ROLE, BROKER_SESSION,
                brokerContext(ServiceAwsCalls.EXTERNAL_ID))).isEmpty();
    }

    @Test
    void entitlementRolesLiveOnThePathTheBrokerMayAssumeAndAreMarkedManaged() {
        CloudFormation role = EntitlementRoleTemplate.forRole(ROLE);
        JsonNode properties = role.properties("EntitlementRole");
        assertThat(properties.get("Path").asText())
                .isEqualTo(ServiceRolesTest.TEMPLATE.raw().at("/Parameters/TargetRolePath/Default").asText());
        assertThat(properties.get("Tags").toString()).contains("\"Key\":\"accessloop:managed\"", "\"Value\":\"true\"");
        assertThat(properties.get("MaxSessionDuration").asInt()).isBetween(3600, 43_200);
    }

    @Test
    void theConfigRecorderRecordsExactlyTheIamResourceTypes() {
        JsonNode group = MEMBER.properties("ConfigRecorder").get("RecordingGroup");
        List<String> types = new ArrayList<>();
        group.get("ResourceTypes").forEach(t -> types.add(t.asText()));
        assertThat(types).containsExactlyInAnyOrder("AWS::IAM::User", "AWS::IAM::Role", "AWS::IAM::Group", "AWS::IAM::Policy");
        assertThat(group.get("AllSupported").asBoolean()).isFalse();
    }

    @Test
    void eventBridgePushesConfigChangesAndIamCallsToDriftWithItsApiKeyHeader() {
        JsonNode connection = MEMBER.properties("IngestConnection");
        assertThat(connection.get("AuthorizationType").asText()).isEqualTo("API_KEY");
        String header = connection.at("/AuthParameters/ApiKeyAuthParameters/ApiKeyName").asText();
        String driftDefault = "x-accessloop-api-key";
        assertThat(header).isEqualTo(driftDefault);
        assertThat(ServiceConfig.of("drift-service").property("accessloop.drift.ingest.api-key-header"))
                .hasValue(driftDefault);
        assertThat(MEMBER.raw().at("/Parameters/IngestApiKey/NoEcho").asBoolean()).isTrue();

        JsonNode destination = MEMBER.properties("IngestDestination");
        assertThat(destination.get("HttpMethod").asText()).isEqualTo("POST");
        assertThat(destination.get("InvocationEndpoint").asText()).endsWith("/ingest/aws/events");

        JsonNode config = MEMBER.properties("IamConfigChangesRule");
        assertThat(config.at("/EventPattern/detail-type/0").asText()).isEqualTo("Config Configuration Item Change");
        assertThat(config.at("/EventPattern/detail/configurationItem/resourceType/0/prefix").asText()).isEqualTo("AWS::IAM::");
        JsonNode calls = MEMBER.properties("IamApiCallsRule");
        assertThat(calls.at("/EventPattern/detail-type/0").asText()).isEqualTo("AWS API Call via CloudTrail");
        assertThat(calls.at("/EventPattern/detail/eventSource/0").asText()).isEqualTo("iam.amazonaws.com");

        String destinationArn = MEMBER.resolve(Yaml.documents("Fn::GetAtt: [IngestDestination, Arn]", "inline").get(0))
                .asText();
        for (JsonNode rule : List.of(config, calls)) {
            JsonNode target = rule.get("Targets").get(0);
            assertThat(target.get("Arn").asText()).isEqualTo(destinationArn);
            assertThat(target.has("DeadLetterConfig")).isTrue();
            assertThat(target.at("/RetryPolicy/MaximumEventAgeInSeconds").asInt()).isGreaterThanOrEqualTo(3600);
        }
    }

    @Test
    void theMemberAccountsOwnPoliciesAreNarrow() {
        List<PolicyDocument> identity = List.of(
                PolicyParser.parse(CloudFormation.policyJson(
                        MEMBER.properties("IngestInvokeRole").at("/Policies/0/PolicyDocument")), PolicyKind.IDENTITY));
        List<PolicyDocument> resource = List.of(
                PolicyParser.parse(CloudFormation.policyJson(
                        MEMBER.properties("ConfigBucketPolicy").get("PolicyDocument")), PolicyKind.RESOURCE),
                PolicyParser.parse(CloudFormation.policyJson(
                        MEMBER.properties("IngestDeadLetterQueuePolicy").get("PolicyDocument")), PolicyKind.RESOURCE));
        for (PolicyDocument p : identity) {
            assertThat(BroadAccess.find(p)).isEmpty();
            assertThat(p.statements()).allSatisfy(s -> assertThat(s.actions()).containsExactly("events:InvokeApiDestination"));
        }
        for (PolicyDocument p : resource) {
            assertThat(BroadAccess.find(p)).isEmpty();
        }
        for (String role : List.of("ConfigRecorderRole", "IngestInvokeRole")) {
            PolicyDocument trust = PolicyParser.parse(CloudFormation.policyJson(
                    MEMBER.properties(role).get("AssumeRolePolicyDocument")), PolicyKind.TRUST);
            assertThat(trust.toJson()).contains("aws:SourceAccount");
        }
    }

    @Test
    void onlyTheBrokerWithTheExternalIdReachesTheManagementRoleAndOnlyForEntitlementRoles() {
        String management = "arn:aws:iam::" + CloudFormation.ACCOUNT + ":role/accessloop-broker-management";
        PolicyDocument trust = PolicyParser.parse(CloudFormation.policyJson(
                MEMBER.properties("BrokerManagementRole").get("AssumeRolePolicyDocument")), PolicyKind.TRUST);
        assertThat(TrustEvaluator.trustPolicyPermits(trust, management, BROKER_SESSION, TrustEvaluator.ASSUME_ROLE,
                brokerContext(ServiceAwsCalls.EXTERNAL_ID))).isTrue();
        assertThat(TrustEvaluator.trustPolicyPermits(trust, management, BROKER_SESSION, TrustEvaluator.ASSUME_ROLE,
                brokerContext(null))).isFalse();
        assertThat(TrustEvaluator.trustPolicyPermits(trust, management,
                "arn:aws:sts::" + ServiceAwsCalls.OWN + ":assumed-role/accessloop-drift/pod", TrustEvaluator.ASSUME_ROLE,
                RequestContext.builder()
                        .put("aws:PrincipalArn", "arn:aws:iam::" + ServiceAwsCalls.OWN + ":role/accessloop-drift")
                        .put("sts:ExternalId", ServiceAwsCalls.EXTERNAL_ID).build())).isFalse();

        String entitlement = "arn:aws:iam::" + CloudFormation.ACCOUNT + ":role/accessloop/payments-prod-read";
        String workload = "arn:aws:iam::" + CloudFormation.ACCOUNT + ":role/workload-reporting";
        assertThat(memberRoleMay("BrokerManagementRole", "iam:PutRolePolicy", entitlement)).isTrue();
        assertThat(memberRoleMay("BrokerManagementRole", "iam:DeleteRolePolicy", entitlement)).isTrue();
        assertThat(memberRoleMay("BrokerManagementRole", "iam:PutRolePolicy", workload)).isFalse();
        assertThat(memberRoleMay("BrokerManagementRole", "iam:AttachRolePolicy", entitlement)).isFalse();
    }

    @Test
    void driftsReaderRoleReadsAndRemediatesButNeverTouchesAccessloopItself() {
        String reader = "arn:aws:iam::" + CloudFormation.ACCOUNT + ":role/accessloop-drift-reader";
        PolicyDocument trust = PolicyParser.parse(CloudFormation.policyJson(
                MEMBER.properties("DriftReaderRole").get("AssumeRolePolicyDocument")), PolicyKind.TRUST);
        String driftSession = "arn:aws:sts::" + ServiceAwsCalls.OWN + ":assumed-role/accessloop-drift/pod";
        RequestContext withId = RequestContext.builder()
                .put("aws:PrincipalArn", "arn:aws:iam::" + ServiceAwsCalls.OWN + ":role/accessloop-drift")
                .put("sts:ExternalId", ServiceAwsCalls.EXTERNAL_ID).build();
        assertThat(TrustEvaluator.trustPolicyPermits(trust, reader, driftSession, TrustEvaluator.ASSUME_ROLE, withId))
                .isTrue();
        assertThat(TrustEvaluator.trustPolicyPermits(trust, reader, BROKER_SESSION, TrustEvaluator.ASSUME_ROLE,
                brokerContext(ServiceAwsCalls.EXTERNAL_ID))).isFalse();

        assertThat(memberRoleMay("DriftReaderRole", "config:BatchGetResourceConfig", "*")).isTrue();
        assertThat(memberRoleMay("DriftReaderRole", "iam:GetAccountAuthorizationDetails", "*")).isTrue();
        assertThat(memberRoleMay("DriftReaderRole", "iam:DetachRolePolicy",
                "arn:aws:iam::" + CloudFormation.ACCOUNT + ":role/workload-reporting")).isTrue();
        assertThat(memberRoleMay("DriftReaderRole", "iam:DetachRolePolicy",
                "arn:aws:iam::" + CloudFormation.ACCOUNT + ":role/accessloop-broker-management")).isFalse();
        assertThat(memberRoleMay("DriftReaderRole", "iam:AttachRolePolicy",
                "arn:aws:iam::" + CloudFormation.ACCOUNT + ":role/workload-reporting")).isFalse();
        for (String role : List.of("BrokerManagementRole", "DriftReaderRole")) {
            PolicyDocument policy = PolicyParser.parse(CloudFormation.policyJson(
                    MEMBER.properties(role).at("/Policies/0/PolicyDocument")), PolicyKind.IDENTITY);
            assertThat(BroadAccess.find(policy)).as(role).isEmpty();
        }
    }

    private static boolean memberRoleMay(String role, String action, String resource) {
        String name = MEMBER.properties(role).get("RoleName").asText();
        PolicySet set = PolicySet.builder().identity(PolicyParser.parse(CloudFormation.policyJson(
                MEMBER.properties(role).at("/Policies/0/PolicyDocument")), PolicyKind.IDENTITY)).build();
        RequestContext context = RequestContext.builder()
                .put("aws:PrincipalArn", "arn:aws:iam::" + CloudFormation.ACCOUNT + ":role/" + name)
                .put("aws:PrincipalAccount", CloudFormation.ACCOUNT).build();
        return PolicyEvaluator.evaluate(new AuthorizationRequest(
                "arn:aws:sts::" + CloudFormation.ACCOUNT + ":assumed-role/" + name + "/s", action, resource, context),
                set) == Decision.ALLOWED;
    }

    @Test
    void theResolverRefusesWhatItCannotResolve() {
        assertThatThrownBy(() -> CloudFormation.load(Repository.path("deploy/aws/accessloop-target-role.yaml"), Map.of())
                .properties("EntitlementRole"))
                .hasMessageContaining("has no default and no test value");
        assertThatThrownBy(() -> CloudFormation.load(Repository.path("deploy/aws/accessloop-target-role.yaml"),
                Map.of("NoSuchParameter", "x")))
                .hasMessageContaining("has no parameter NoSuchParameter");
        assertThatThrownBy(() -> MEMBER.resolve(Yaml.documents(
                "Fn::ImportValue: shared-thing", "inline").get(0)))
                .hasMessageContaining("Fn::ImportValue is not resolvable");
    }

    private static RequestContext brokerContext(String externalId) {
        RequestContext.Builder b = RequestContext.builder()
                .put("aws:PrincipalArn", BROKER_ROLE)
                .put("sts:SourceIdentity", "alice@example.com")
                .put("aws:TagKeys", ServiceAwsCalls.GRANT_TAG, ServiceAwsCalls.REQUEST_TAG);
        if (externalId != null) {
            b.put("sts:ExternalId", externalId);
        }
        return b.build();
    }
}

package io.accessloop.deploy.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.deploy.aws.ServiceAwsCalls.Call;
import io.accessloop.deploy.aws.ServiceAwsCalls.Source;
import io.accessloop.deploy.support.AwsSdkCalls;
import io.accessloop.deploy.support.CloudFormation;
import io.accessloop.deploy.support.Repository;
import io.accessloop.iam.analysis.BroadAccess;
import io.accessloop.iam.catalog.ActionCatalog;
import io.accessloop.iam.eval.AuthorizationRequest;
import io.accessloop.iam.eval.Decision;
import io.accessloop.iam.eval.PolicyEvaluator;
import io.accessloop.iam.eval.PolicySet;
import io.accessloop.iam.eval.RequestContext;
import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.PolicyKind;
import io.accessloop.iam.policy.PolicyParser;
import io.accessloop.iam.policy.PolicySizeLimits;
import io.accessloop.iam.policy.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The suite's own roles (deploy/aws/accessloop-service-roles.yaml) are least privilege, checked with iam-policy. */
class ServiceRolesTest {

    static final String OIDC = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    static final CloudFormation TEMPLATE = CloudFormation.load(
            Repository.path("deploy/aws/accessloop-service-roles.yaml"), Map.of("OidcProvider", OIDC));

    @ParameterizedTest
    @ValueSource(strings = {"broker-service", "drift-service", "lifecycle-service"})
    void everyCallTheServiceMakesIsAllowedByItsRole(String service) {
        PolicySet policies = identityPolicies(service);
        for (Call call : ServiceAwsCalls.CALLS.get(service)) {
            if (ServiceAwsCalls.NO_PERMISSION_NEEDED.contains(call.action())) {
                continue;
            }
            assertThat(evaluate(service, policies, call))
                    .as("%s: %s", service, call)
                    .isEqualTo(Decision.ALLOWED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"broker-service", "drift-service", "lifecycle-service"})
    void callsOutsideTheServicesJobAreRefused(String service) {
        PolicySet policies = identityPolicies(service);
        for (Call call : ServiceAwsCalls.REFUSED.get(service)) {
            assertThat(evaluate(service, policies, call))
                    .as("%s must not be able to: %s", service, call)
                    .isNotEqualTo(Decision.ALLOWED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"broker-service", "drift-service", "lifecycle-service"})
    void theListOfCallsIsWhatTheAwsAdaptersReallyCall(String service) {
        Set<String> called = AwsSdkCalls.of(service);
        assertThat(ServiceAwsCalls.allActions(service))
                .as("every SDK call in %s's aws adapters needs an entry in ServiceAwsCalls (and a grant)", service)
                .containsAll(called);
        assertThat(called)
                .as("ServiceAwsCalls marks as ADAPTER only calls the code makes")
                .containsAll(ServiceAwsCalls.actions(service, Source.ADAPTER));
    }

    @Test
    void thePortalCallsNoAwsApiAndHasNoRole() {
        assertThat(AwsSdkCalls.of("portal")).isEmpty();
        assertThat(TEMPLATE.resourcesOfType("AWS::IAM::Role")).containsExactlyInAnyOrderElementsOf(
                ServiceAwsCalls.ROLE_OF.values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"broker-service", "drift-service", "lifecycle-service"})
    void noStatementIsAdminOrServiceWideAndEveryActionExists(String service) {
        for (PolicyDocument policy : inlinePolicies(service)) {
            assertThat(BroadAccess.find(policy)).as("%s: broad statements", service).isEmpty();
            for (Statement s : policy.statements()) {
                assertThat(s.notActions()).as("%s: NotAction grants too much to review", service).isEmpty();
                assertThat(s.notResources()).as("%s: NotResource", service).isEmpty();
                for (String action : s.actions()) {
                    assertThat(action).as("%s: no wildcard actions", service).doesNotContain("*").doesNotContain("?");
                    assertThat(ActionCatalog.lookup(action)).as("%s: %s is a real IAM action", service, action).isPresent();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"broker-service", "drift-service", "lifecycle-service"})
    void permissionsManagementIsLimitedToWhatTheServiceNeedsAndNeverOnEveryResource(String service) {
        Set<String> found = new TreeSet<>();
        for (PolicyDocument policy : inlinePolicies(service)) {
            for (Statement s : policy.statements()) {
                Set<String> management = BroadAccess.permissionsManagementActions(s);
                if (!management.isEmpty()) {
                    assertThat(s.resources()).as("%s: %s on every resource", service, management).doesNotContain("*");
                }
                found.addAll(management);
            }
        }
        assertThat(found).as(service).isEqualTo(ServiceAwsCalls.PERMISSIONS_MANAGEMENT.get(service));
    }

    @ParameterizedTest
    @ValueSource(strings = {"broker-service", "drift-service", "lifecycle-service"})
    void inlinePoliciesFitIamsPerRoleQuota(String service) {
        int total = 0;
        JsonNode properties = TEMPLATE.properties(ServiceAwsCalls.ROLE_OF.get(service));
        for (JsonNode policy : properties.path("Policies")) {
            String json = CloudFormation.policyJson(policy.get("PolicyDocument"));
            PolicyParser.parse(json, PolicyKind.IDENTITY, PolicySizeLimits.Limit.INLINE_ROLE);
            total += PolicySizeLimits.countedCharacters(json);
        }
        assertThat(total).as("%s: characters of all inline policies", service).isLessThanOrEqualTo(10_240);
    }

    @ParameterizedTest
    @ValueSource(strings = {"broker-service", "drift-service", "lifecycle-service"})
    void onlyTheServicesOwnKubernetesServiceAccountCanAssumeItsRole(String service) {
        JsonNode role = TEMPLATE.properties(ServiceAwsCalls.ROLE_OF.get(service));
        PolicyDocument trust = PolicyParser.parse(CloudFormation.policyJson(role.get("AssumeRolePolicyDocument")),
                PolicyKind.TRUST);
        String roleName = role.get("RoleName").asText();
        String roleArn = "arn:aws:iam::" + CloudFormation.ACCOUNT + ":role/" + roleName;
        String provider = "arn:aws:iam::" + CloudFormation.ACCOUNT + ":oidc-provider/" + OIDC;

        assertThat(webIdentity(trust, roleArn, provider, "system:serviceaccount:accessloop:" + roleName))
                .isEqualTo(Decision.ALLOWED);
        assertThat(webIdentity(trust, roleArn, provider, "system:serviceaccount:accessloop:accessloop-portal"))
                .isNotEqualTo(Decision.ALLOWED);
        assertThat(webIdentity(trust, roleArn, provider, "system:serviceaccount:other:" + roleName))
                .isNotEqualTo(Decision.ALLOWED);
        assertThat(webIdentity(trust, roleArn, "arn:aws:iam::" + CloudFormation.ACCOUNT
                + ":oidc-provider/token.actions.githubusercontent.com", "system:serviceaccount:accessloop:" + roleName))
                .isNotEqualTo(Decision.ALLOWED);
    }

    @Test
    void theRoleNamesAreTheOnesDriftTreatsAsAccessloopItself() {
        // drift-service's default accessloop-actors pattern is arn:aws:iam::*:role/accessloop-*
        for (String logicalId : ServiceAwsCalls.ROLE_OF.values()) {
            assertThat(TEMPLATE.properties(logicalId).get("RoleName").asText()).startsWith("accessloop-");
        }
        assertThat(TEMPLATE.properties("BrokerRole").get("RoleName").asText()).isEqualTo("accessloop-broker");
    }

    private static Decision webIdentity(PolicyDocument trust, String roleArn, String provider, String subject) {
        RequestContext context = RequestContext.builder()
                .put(OIDC + ":sub", subject)
                .put(OIDC + ":aud", "sts.amazonaws.com")
                .build();
        PolicySet set = PolicySet.builder().resource(trust).resourceAccount(CloudFormation.ACCOUNT).build();
        return PolicyEvaluator.evaluate(new AuthorizationRequest(provider, "sts:AssumeRoleWithWebIdentity", roleArn,
                context), set);
    }

    static Decision evaluate(String service, PolicySet policies, Call call) {
        String roleName = TEMPLATE.properties(ServiceAwsCalls.ROLE_OF.get(service)).get("RoleName").asText();
        String session = "arn:aws:sts::" + CloudFormation.ACCOUNT + ":assumed-role/" + roleName + "/pod";
        RequestContext.Builder context = RequestContext.builder()
                .put("aws:PrincipalArn", "arn:aws:iam::" + CloudFormation.ACCOUNT + ":role/" + roleName)
                .put("aws:PrincipalAccount", CloudFormation.ACCOUNT);
        call.context().forEach((key, values) -> context.put(key, values));
        PolicySet set = policies;
        if (call.action().startsWith("sts:") && call.resource().contains(":role/accessloop/")) {
            // an entitlement role's side: its trust policy, as accessloop-target-role.yaml writes it
            set = policies.toBuilder()
                    .resource(EntitlementRoleTemplate.trustPolicy(call.resource()))
                    .resourceAccount(io.accessloop.iam.policy.Arn.parse(call.resource()).account())
                    .build();
        }
        return PolicyEvaluator.evaluate(new AuthorizationRequest(session, call.action(), call.resource(),
                context.build()), set);
    }

    static PolicySet identityPolicies(String service) {
        PolicySet.Builder set = PolicySet.builder();
        inlinePolicies(service).forEach(set::identity);
        return set.build();
    }

    static List<PolicyDocument> inlinePolicies(String service) {
        List<PolicyDocument> out = new ArrayList<>();
        JsonNode properties = TEMPLATE.properties(ServiceAwsCalls.ROLE_OF.get(service));
        assertThat(properties.has("ManagedPolicyArns")).as("%s: managed policies are not reviewed here", service).isFalse();
        for (JsonNode policy : properties.path("Policies")) {
            out.add(PolicyParser.parse(CloudFormation.policyJson(policy.get("PolicyDocument")), PolicyKind.IDENTITY));
        }
        assertThat(out).as(service).isNotEmpty();
        return out;
    }
}

package io.accessloop.deploy.aws;

import io.accessloop.deploy.support.CloudFormation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What each service calls in AWS, with a representative resource for each call. Two sources:
 * <ul>
 * <li>{@link Source#ADAPTER}: calls in the service's {@code aws} adapters today (ServiceRolesTest proves this list
 * equals what the code calls, so a new SDK call without a matching grant fails the build);</li>
 * <li>{@link Source#DESIGN}: calls DESIGN.md and the service's issue specify (offboarding clean-up, Access Advisor,
 * applying right-sizing) whose adapters are still being written; granted so the roles are ready when they land.</li>
 * </ul>
 * Plus calls each role must NOT be able to make, to prove the scoping works.
 */
final class ServiceAwsCalls {

    enum Source { ADAPTER, DESIGN }

    /** One call: the action, on which resource, with which request context keys. */
    record Call(String action, String resource, Map<String, List<String>> context, Source source) {
        static Call adapter(String action, String resource) {
            return new Call(action, resource, Map.of(), Source.ADAPTER);
        }

        static Call design(String action, String resource) {
            return new Call(action, resource, Map.of(), Source.DESIGN);
        }

        Call with(String key, String... values) {
            Map<String, List<String>> more = new java.util.LinkedHashMap<>(context);
            more.put(key, List.of(values));
            return new Call(action, resource, Map.copyOf(more), source);
        }

        @Override
        public String toString() {
            return action + " on " + resource + (context.isEmpty() ? "" : " with " + context);
        }
    }

    static final String OWN = CloudFormation.ACCOUNT;
    static final String MEMBER = "222233334444";
    static final String OWN_ENTITLEMENT = "arn:aws:iam::" + OWN + ":role/accessloop/reports-read";
    static final String MEMBER_ENTITLEMENT = "arn:aws:iam::" + MEMBER + ":role/accessloop/payments-prod-read";
    static final String WORKLOAD_ROLE = "arn:aws:iam::" + OWN + ":role/workload-reporting";
    static final String LEAVER = "arn:aws:iam::" + OWN + ":user/leaver";
    static final String MANAGED = "aws:ResourceTag/accessloop:managed";
    static final String EXTERNAL_ID = "accessloop-test-external-id";
    static final String GRANT_TAG = "accessloop:grant-id";
    static final String REQUEST_TAG = "accessloop:request-id";

    static final Map<String, List<Call>> CALLS = Map.of(
            "broker-service", List.of(
                    // service-kit's CloudWatchPublishing, when accessloop.metrics.cloudwatch.enabled
                    Call.design("cloudwatch:PutMetricData", "*").with("cloudwatch:namespace", "Accessloop"),
                    // StsCredentialIssuer and StsRevocationProbe: AssumeRole with SourceIdentity and session tags
                    // (SetSourceIdentity and TagSession are authorised separately; the code sets them on AssumeRole)
                    Call.adapter("sts:AssumeRole", MEMBER_ENTITLEMENT).with("sts:ExternalId", EXTERNAL_ID),
                    Call.adapter("sts:AssumeRole", OWN_ENTITLEMENT).with("sts:ExternalId", EXTERNAL_ID),
                    Call.design("sts:SetSourceIdentity", MEMBER_ENTITLEMENT).with("sts:SourceIdentity", "alice@example.com"),
                    Call.design("sts:TagSession", MEMBER_ENTITLEMENT).with("aws:TagKeys", GRANT_TAG, REQUEST_TAG),
                    Call.design("sts:SetSourceIdentity", OWN_ENTITLEMENT).with("sts:SourceIdentity", "alice@example.com"),
                    Call.design("sts:TagSession", OWN_ENTITLEMENT).with("aws:TagKeys", GRANT_TAG, REQUEST_TAG),
                    // IamRoleInspector: the catalog check learns the broker's own ARN (needs no permission)
                    Call.adapter("sts:GetCallerIdentity", "*"),
                    // IamRoleDirectory (max session), IamRoleInspector (trust check), IamRoleRevoker (accessloop-revocations
                    // and the inline quota)
                    Call.adapter("iam:GetRole", OWN_ENTITLEMENT),
                    Call.adapter("iam:ListRolePolicies", OWN_ENTITLEMENT),
                    Call.adapter("iam:GetRolePolicy", OWN_ENTITLEMENT),
                    Call.adapter("iam:PutRolePolicy", OWN_ENTITLEMENT),
                    Call.adapter("iam:DeleteRolePolicy", OWN_ENTITLEMENT)),
            "drift-service", List.of(
                    // service-kit's CloudWatchPublishing, when accessloop.metrics.cloudwatch.enabled
                    Call.design("cloudwatch:PutMetricData", "*").with("cloudwatch:namespace", "Accessloop"),
                    // ConfigApiHistory
                    Call.adapter("config:ListDiscoveredResources", "*"),
                    Call.adapter("config:BatchGetResourceConfig", "*"),
                    Call.adapter("config:GetResourceConfigHistory", "*"),
                    // CloudTrailLookup, IamAuthorizationDetails
                    Call.adapter("cloudtrail:LookupEvents", "*"),
                    Call.adapter("iam:GetAccountAuthorizationDetails", "*"),
                    // the credential report (password and key use of IAM users), for the stale-user rules
                    Call.design("iam:GenerateCredentialReport", "*"),
                    Call.design("iam:GetCredentialReport", "*"),
                    // Right-sizing: IamPrincipals reads a principal's inline and attached policies
                    Call.adapter("iam:GetRole", WORKLOAD_ROLE),
                    Call.adapter("iam:ListRolePolicies", WORKLOAD_ROLE),
                    Call.adapter("iam:GetRolePolicy", WORKLOAD_ROLE),
                    Call.adapter("iam:ListAttachedRolePolicies", WORKLOAD_ROLE),
                    Call.adapter("iam:GetUser", "arn:aws:iam::" + OWN + ":user/batch"),
                    Call.adapter("iam:ListUserPolicies", "arn:aws:iam::" + OWN + ":user/batch"),
                    Call.adapter("iam:GetUserPolicy", "arn:aws:iam::" + OWN + ":user/batch"),
                    Call.adapter("iam:ListAttachedUserPolicies", "arn:aws:iam::" + OWN + ":user/batch"),
                    // Right-sizing (issue 8): Access Advisor, then apply / roll back on managed principals
                    Call.design("iam:GenerateServiceLastAccessedDetails", WORKLOAD_ROLE),
                    Call.design("iam:GetServiceLastAccessedDetails", "*"),
                    Call.design("iam:GetServiceLastAccessedDetailsWithEntities", "*"),
                    Call.design("iam:PutRolePolicy", WORKLOAD_ROLE).with(MANAGED, "true"),
                    Call.design("iam:PutUserPolicy", "arn:aws:iam::" + OWN + ":user/batch").with(MANAGED, "true"),
                    Call.design("iam:GetPolicy", "arn:aws:iam::" + OWN + ":policy/reporting").with(MANAGED, "true"),
                    Call.design("iam:GetPolicyVersion", "arn:aws:iam::" + OWN + ":policy/reporting").with(MANAGED, "true"),
                    Call.design("iam:ListPolicyVersions", "arn:aws:iam::" + OWN + ":policy/reporting").with(MANAGED, "true"),
                    Call.design("iam:CreatePolicyVersion", "arn:aws:iam::" + OWN + ":policy/reporting").with(MANAGED, "true"),
                    Call.design("iam:DeletePolicyVersion", "arn:aws:iam::" + OWN + ":policy/reporting").with(MANAGED, "true"),
                    Call.design("iam:SetDefaultPolicyVersion", "arn:aws:iam::" + OWN + ":policy/reporting").with(MANAGED, "true"),
                    // IamPrincipals: every principal of the account, group policies of a user, and the apply/rollback
                    // of a proposal on a managed principal (inline policies written and removed, managed ones
                    // attached back, a user moved out of a group and back)
                    Call.adapter("iam:ListRoles", "*"),
                    Call.adapter("iam:ListUsers", "*"),
                    Call.adapter("iam:ListAccessKeys", "arn:aws:iam::" + OWN + ":user/batch"),
                    Call.adapter("iam:ListGroupsForUser", "arn:aws:iam::" + OWN + ":user/batch"),
                    Call.adapter("iam:ListGroupPolicies", "arn:aws:iam::" + OWN + ":group/reporting"),
                    Call.adapter("iam:GetGroupPolicy", "arn:aws:iam::" + OWN + ":group/reporting"),
                    Call.adapter("iam:ListAttachedGroupPolicies", "arn:aws:iam::" + OWN + ":group/reporting"),
                    Call.adapter("iam:DeleteRolePolicy", WORKLOAD_ROLE).with(MANAGED, "true"),
                    Call.adapter("iam:DeleteUserPolicy", "arn:aws:iam::" + OWN + ":user/batch").with(MANAGED, "true"),
                    Call.adapter("iam:AttachRolePolicy", WORKLOAD_ROLE).with(MANAGED, "true"),
                    Call.adapter("iam:AttachUserPolicy", "arn:aws:iam::" + OWN + ":user/batch").with(MANAGED, "true"),
                    Call.adapter("iam:RemoveUserFromGroup", "arn:aws:iam::" + OWN + ":group/reporting"),
                    Call.adapter("iam:AddUserToGroup", "arn:aws:iam::" + OWN + ":group/reporting"),
                    // Remediation (off by default): detach an out-of-band attachment, deactivate an old key
                    Call.adapter("iam:DetachRolePolicy", WORKLOAD_ROLE),
                    Call.adapter("iam:DetachUserPolicy", "arn:aws:iam::" + OWN + ":user/batch"),
                    Call.adapter("iam:DetachGroupPolicy", "arn:aws:iam::" + OWN + ":group/reporting"),
                    Call.adapter("iam:UpdateAccessKey", "arn:aws:iam::" + OWN + ":user/batch"),
                    // CloudTrail log files from the trail's bucket
                    Call.adapter("s3:ListBucket", "arn:aws:s3:::accessloop-trail-logs"),
                    Call.adapter("s3:GetObject", "arn:aws:s3:::accessloop-trail-logs/AWSLogs/" + OWN + "/CloudTrail/x.json.gz"),
                    // Access Analyzer: unused-access findings, AWS's proof beside ours, policy generation
                    Call.adapter("access-analyzer:ListAnalyzers", "*"),
                    Call.adapter("access-analyzer:ListFindings",
                            "arn:aws:access-analyzer:us-east-1:" + OWN + ":analyzer/accessloop-unused-access"),
                    Call.adapter("access-analyzer:GetFinding",
                            "arn:aws:access-analyzer:us-east-1:" + OWN + ":analyzer/accessloop-unused-access"),
                    Call.adapter("access-analyzer:CheckNoNewAccess", "*"),
                    Call.adapter("access-analyzer:ValidatePolicy", "*"),
                    Call.adapter("access-analyzer:StartPolicyGeneration", "*"),
                    Call.adapter("access-analyzer:GetGeneratedPolicy", "*")),
            "lifecycle-service", List.of(
                    // service-kit's CloudWatchPublishing, when accessloop.metrics.cloudwatch.enabled
                    Call.design("cloudwatch:PutMetricData", "*").with("cloudwatch:namespace", "Accessloop"),
                    // Offboarding saga (issue 6): strip the leaver's IAM user, then delete it (or tag it)
                    Call.design("iam:GetUser", LEAVER),
                    Call.design("iam:ListUserTags", LEAVER),
                    Call.design("iam:TagUser", LEAVER),
                    Call.design("iam:ListAccessKeys", LEAVER),
                    Call.design("iam:GetAccessKeyLastUsed", LEAVER),
                    Call.design("iam:UpdateAccessKey", LEAVER),
                    Call.design("iam:DeleteAccessKey", LEAVER),
                    Call.design("iam:GetLoginProfile", LEAVER),
                    Call.design("iam:DeleteLoginProfile", LEAVER),
                    Call.design("iam:ListGroupsForUser", LEAVER),
                    Call.design("iam:RemoveUserFromGroup", LEAVER),
                    Call.design("iam:RemoveUserFromGroup", "arn:aws:iam::" + OWN + ":group/payments"),
                    Call.design("iam:ListUserPolicies", LEAVER),
                    Call.design("iam:DeleteUserPolicy", LEAVER),
                    Call.design("iam:ListAttachedUserPolicies", LEAVER),
                    Call.design("iam:DetachUserPolicy", LEAVER),
                    Call.design("iam:ListMFADevices", LEAVER),
                    Call.design("iam:DeactivateMFADevice", LEAVER),
                    Call.design("iam:DeleteVirtualMFADevice", "arn:aws:iam::" + OWN + ":mfa/leaver"),
                    Call.design("iam:ListSigningCertificates", LEAVER),
                    Call.design("iam:DeleteSigningCertificate", LEAVER),
                    Call.design("iam:ListSSHPublicKeys", LEAVER),
                    Call.design("iam:DeleteSSHPublicKey", LEAVER),
                    Call.design("iam:ListServiceSpecificCredentials", LEAVER),
                    Call.design("iam:DeleteServiceSpecificCredential", LEAVER),
                    Call.design("iam:DeleteUser", LEAVER),
                    // Inactive-user and key sweeps, verification scan
                    Call.design("iam:ListUsers", "*"),
                    Call.design("iam:ListRoles", "*"),
                    Call.design("iam:GenerateCredentialReport", "*"),
                    Call.design("iam:GetCredentialReport", "*"),
                    // Workload retirement: save the role's definition, then remove it
                    Call.design("iam:GetRole", WORKLOAD_ROLE),
                    Call.design("iam:ListRoleTags", WORKLOAD_ROLE),
                    Call.design("iam:TagRole", WORKLOAD_ROLE),
                    Call.design("iam:ListRolePolicies", WORKLOAD_ROLE),
                    Call.design("iam:GetRolePolicy", WORKLOAD_ROLE),
                    Call.design("iam:DeleteRolePolicy", WORKLOAD_ROLE),
                    Call.design("iam:ListAttachedRolePolicies", WORKLOAD_ROLE),
                    Call.design("iam:DetachRolePolicy", WORKLOAD_ROLE),
                    Call.design("iam:ListInstanceProfilesForRole", WORKLOAD_ROLE),
                    Call.design("iam:RemoveRoleFromInstanceProfile", WORKLOAD_ROLE),
                    Call.design("iam:RemoveRoleFromInstanceProfile", "arn:aws:iam::" + OWN + ":instance-profile/reporting"),
                    Call.design("iam:DeleteRole", WORKLOAD_ROLE),
                    // Audit ledger: what a grant's session did
                    Call.design("cloudtrail:LookupEvents", "*")));

    /** Calls each role must be refused: outside its scope, Accessloop's own roles, protected principals. */
    static final Map<String, List<Call>> REFUSED = Map.of(
            "broker-service", List.of(
                    Call.design("sts:AssumeRole", "arn:aws:iam::" + OWN + ":role/accessloop-drift")
                            .with("sts:ExternalId", EXTERNAL_ID),
                    Call.design("sts:AssumeRole", "arn:aws:iam::" + MEMBER + ":role/OrganizationAccountAccessRole")
                            .with("sts:ExternalId", EXTERNAL_ID),
                    Call.design("iam:PutRolePolicy", WORKLOAD_ROLE),
                    Call.design("iam:PutRolePolicy", MEMBER_ENTITLEMENT),
                    Call.design("iam:AttachRolePolicy", OWN_ENTITLEMENT),
                    Call.design("iam:UpdateAssumeRolePolicy", OWN_ENTITLEMENT),
                    Call.design("iam:CreateUser", "arn:aws:iam::" + OWN + ":user/anyone"),
                    // metrics only into Accessloop's own namespace
                    Call.design("cloudwatch:PutMetricData", "*").with("cloudwatch:namespace", "AWS/EC2")),
            "drift-service", List.of(
                    Call.design("iam:PutRolePolicy", WORKLOAD_ROLE),
                    Call.design("iam:PutRolePolicy", "arn:aws:iam::" + OWN + ":role/accessloop-broker").with(MANAGED, "true"),
                    Call.design("iam:CreatePolicyVersion", "arn:aws:iam::" + OWN + ":policy/reporting"),
                    Call.design("iam:AttachRolePolicy", WORKLOAD_ROLE).with(MANAGED, "true")
                            .with("iam:PolicyARN", "arn:aws:iam::aws:policy/AdministratorAccess"),
                    Call.design("iam:UpdateAssumeRolePolicy", WORKLOAD_ROLE).with(MANAGED, "true"),
                    Call.design("iam:CreateRole", "arn:aws:iam::" + OWN + ":role/new"),
                    Call.design("s3:GetObject", "arn:aws:s3:::any-bucket/any-key")),
            "lifecycle-service", List.of(
                    Call.design("iam:DeleteUser", LEAVER).with("aws:ResourceTag/accessloop:protected", "true"),
                    Call.design("iam:DeleteAccessKey", "arn:aws:iam::" + OWN + ":user/break-glass")
                            .with("aws:ResourceTag/accessloop:protected", "true"),
                    Call.design("iam:DeleteRole", "arn:aws:iam::" + OWN + ":role/accessloop-broker"),
                    Call.design("iam:DeleteRole", "arn:aws:iam::" + OWN + ":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig"),
                    Call.design("iam:CreateAccessKey", LEAVER),
                    Call.design("iam:AttachUserPolicy", LEAVER),
                    Call.design("iam:PutRolePolicy", WORKLOAD_ROLE),
                    Call.design("sts:AssumeRole", OWN_ENTITLEMENT)));

    /** Calls AWS answers for any authenticated caller: no policy can grant or deny them. */
    static final Set<String> NO_PERMISSION_NEEDED = Set.of("sts:GetCallerIdentity");

    /** The IRSA role of each service in accessloop-service-roles.yaml (the portal calls no AWS API and has none). */
    static final Map<String, String> ROLE_OF = Map.of(
            "broker-service", "BrokerRole",
            "drift-service", "DriftRole",
            "lifecycle-service", "LifecycleRole");

    /** Permissions-management actions each role may hold (always on scoped resources, never on "*"). */
    static final Map<String, Set<String>> PERMISSIONS_MANAGEMENT = Map.of(
            "broker-service", Set.of("iam:PutRolePolicy", "iam:DeleteRolePolicy"),
            "drift-service", Set.of("iam:PutRolePolicy", "iam:PutUserPolicy", "iam:CreatePolicyVersion",
                    "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:DeleteRolePolicy",
                    "iam:DeleteUserPolicy", "iam:AttachRolePolicy", "iam:AttachUserPolicy", "iam:DetachRolePolicy",
                    "iam:DetachUserPolicy", "iam:DetachGroupPolicy"),
            "lifecycle-service", Set.of("iam:DeleteUserPolicy", "iam:DetachUserPolicy", "iam:DeleteRolePolicy",
                    "iam:DetachRolePolicy"));

    private ServiceAwsCalls() {
    }

    static Set<String> actions(String service, Source source) {
        return CALLS.get(service).stream().filter(c -> c.source() == source).map(Call::action)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> allActions(String service) {
        return CALLS.get(service).stream().map(Call::action).collect(Collectors.toCollection(TreeSet::new));
    }
}

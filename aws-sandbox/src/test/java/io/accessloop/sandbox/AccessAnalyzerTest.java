package io.accessloop.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.sandbox.control.Scenarios;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.model.AccessAnalyzerException;
import software.amazon.awssdk.services.accessanalyzer.model.AccessCheckPolicyType;
import software.amazon.awssdk.services.accessanalyzer.model.AccessDeniedException;
import software.amazon.awssdk.services.accessanalyzer.model.AnalyzerConfiguration;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoNewAccessResponse;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoNewAccessResult;
import software.amazon.awssdk.services.accessanalyzer.model.ConflictException;
import software.amazon.awssdk.services.accessanalyzer.model.Criterion;
import software.amazon.awssdk.services.accessanalyzer.model.FindingStatus;
import software.amazon.awssdk.services.accessanalyzer.model.FindingSummaryV2;
import software.amazon.awssdk.services.accessanalyzer.model.FindingType;
import software.amazon.awssdk.services.accessanalyzer.model.GetFindingV2Response;
import software.amazon.awssdk.services.accessanalyzer.model.GetGeneratedPolicyResponse;
import software.amazon.awssdk.services.accessanalyzer.model.InvalidParameterException;
import software.amazon.awssdk.services.accessanalyzer.model.JobStatus;
import software.amazon.awssdk.services.accessanalyzer.model.ListFindingsV2Response;
import software.amazon.awssdk.services.accessanalyzer.model.PolicyType;
import software.amazon.awssdk.services.accessanalyzer.model.ResourceNotFoundException;
import software.amazon.awssdk.services.accessanalyzer.model.Type;
import software.amazon.awssdk.services.accessanalyzer.model.UnusedAction;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyFinding;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyFindingType;
import software.amazon.awssdk.services.accessanalyzer.model.ValidationException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

@QuarkusTest
class AccessAnalyzerTest extends SandboxTestBase {

    private static final String ROLE = "arn:aws:iam::000000000000:role/";
    private static final String USER = "arn:aws:iam::000000000000:user/";

    private AccessAnalyzerClient analyzer;

    @BeforeEach
    void client() {
        analyzer = AwsClients.accessAnalyzer(AwsClients.ROOT);
    }

    @AfterEach
    void closeClient() {
        analyzer.close();
    }

    private String demo() {
        return (String) Scenarios.seed(sandbox, "demo").get("unusedAccessAnalyzerArn");
    }

    private List<FindingSummaryV2> allFindings(String analyzerArn, Map<String, Criterion> filter, int pageSize) {
        List<FindingSummaryV2> out = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListFindingsV2Response page = analyzer.listFindingsV2(r -> r.analyzerArn(analyzerArn).filter(filter)
                    .maxResults(pageSize).nextToken(next));
            assertThat(page.findings().size()).isLessThanOrEqualTo(pageSize);
            out.addAll(page.findings());
            token = page.nextToken();
        } while (token != null);
        return out;
    }

    private static Map<String, Criterion> eq(String attribute, String... values) {
        return Map.of(attribute, Criterion.builder().eq(values).build());
    }

    @Test
    void unusedAccessAnalyzersAreCreatedListedFetchedAndDeleted() {
        String arn = analyzer.createAnalyzer(r -> r.analyzerName("unused").type(Type.ACCOUNT_UNUSED_ACCESS)
                .configuration(AnalyzerConfiguration.fromUnusedAccess(u -> u.unusedAccessAge(30)))).arn();
        assertThat(arn).isEqualTo("arn:aws:access-analyzer:us-east-1:000000000000:analyzer/unused");

        var fetched = analyzer.getAnalyzer(r -> r.analyzerName("unused")).analyzer();
        assertThat(fetched.type()).isEqualTo(Type.ACCOUNT_UNUSED_ACCESS);
        assertThat(fetched.configuration().unusedAccess().unusedAccessAge()).isEqualTo(30);
        assertThat(fetched.statusAsString()).isEqualTo("ACTIVE");
        assertThat(fetched.createdAt()).isNotNull();
        assertThat(analyzer.listAnalyzers(r -> r.type(Type.ACCOUNT_UNUSED_ACCESS)).analyzers())
                .extracting(a -> a.name()).containsExactly("unused");

        assertThatThrownBy(() -> analyzer.createAnalyzer(r -> r.analyzerName("unused")
                .type(Type.ACCOUNT_UNUSED_ACCESS))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> analyzer.getAnalyzer(r -> r.analyzerName("nope")))
                .isInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(((AccessAnalyzerException) e).statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> analyzer.createAnalyzer(r -> r.analyzerName("external").type(Type.ACCOUNT)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> analyzer.createAnalyzer(r -> r.analyzerName("bad name!")
                .type(Type.ACCOUNT_UNUSED_ACCESS))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> analyzer.createAnalyzer(r -> r.analyzerName("zero").type(Type.ACCOUNT_UNUSED_ACCESS)
                .configuration(AnalyzerConfiguration.fromUnusedAccess(u -> u.unusedAccessAge(0)))))
                .isInstanceOf(ValidationException.class);
        assertThat(analyzer.listAnalyzers(r -> { }).analyzers()).hasSize(1);

        analyzer.deleteAnalyzer(r -> r.analyzerName("unused"));
        assertThat(analyzer.listAnalyzers(r -> { }).analyzers()).isEmpty();
    }

    @Test
    void theDemoAnalyzerReportsUnusedRolesKeysPasswordsAndPermissionsFromRecordedUsage() {
        String arn = demo();
        List<FindingSummaryV2> findings = allFindings(arn, null, 100);

        assertThat(findings).extracting(FindingSummaryV2::findingType, FindingSummaryV2::resource)
                .contains(tuple(FindingType.UNUSED_IAM_ROLE, ROLE + "accessloop/entitlement-prod-db-admin"),
                        tuple(FindingType.UNUSED_IAM_ROLE, ROLE + "accessloop/entitlement-legacy-support"),
                        tuple(FindingType.UNUSED_PERMISSION, ROLE + "workload-reporting"),
                        tuple(FindingType.UNUSED_IAM_USER_ACCESS_KEY, USER + "legacy-batch"),
                        tuple(FindingType.UNUSED_IAM_USER_PASSWORD, USER + "legacy-batch"))
                .doesNotContain(tuple(FindingType.UNUSED_IAM_ROLE, ROLE + "workload-reporting"));
        assertThat(findings).filteredOn(f -> f.resource().equals(USER + "accessloop-broker"))
                .as("the broker user is younger than the unused-access age").isEmpty();
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(FindingStatus.ACTIVE);
            assertThat(f.resourceOwnerAccount()).isEqualTo(ACCOUNT);
            assertThat(f.createdAt()).isNotNull();
        });
        assertThat(findings).extracting(FindingSummaryV2::id).doesNotHaveDuplicates();
        assertThat(allFindings(arn, null, 100)).extracting(FindingSummaryV2::id)
                .as("ids are stable between listings").containsExactlyElementsOf(
                        findings.stream().map(FindingSummaryV2::id).toList());
    }

    @Test
    void anUnusedPermissionFindingCarriesTheServiceAndActionsLastAccessed() {
        String arn = demo();
        List<FindingSummaryV2> reporting = allFindings(arn, Map.of(
                "resource", Criterion.builder().eq(ROLE + "workload-reporting").build(),
                "findingType", Criterion.builder().eq("UnusedPermission").build()), 100);
        assertThat(reporting).hasSize(1);

        GetFindingV2Response finding = analyzer.getFindingV2(r -> r.analyzerArn(arn).id(reporting.get(0).id()));
        var details = finding.findingDetails().get(0).unusedPermissionDetails();
        assertThat(details.serviceNamespace()).isEqualTo("rds");
        Instant now = sandbox.clock().now();
        assertThat(Duration.between(details.lastAccessed(), now).toDays()).isEqualTo(45);
        assertThat(details.actions()).extracting(UnusedAction::action).containsExactlyInAnyOrder(
                "rds:ModifyDBInstance", "rds:CreateDBSnapshot", "rds:DeleteDBSnapshot", "rds:RebootDBInstance");
        assertThat(details.actions()).filteredOn(a -> a.action().equals("rds:CreateDBSnapshot"))
                .allSatisfy(a -> assertThat(a.lastAccessed()).isEqualTo(details.lastAccessed()));
        assertThat(finding.resourceTypeAsString()).isEqualTo("AWS::IAM::Role");

        String keyFinding = allFindings(arn, eq("findingType", "UnusedIAMUserAccessKey"), 100).stream()
                .filter(f -> f.resource().equals(USER + "legacy-batch")).findFirst().orElseThrow().id();
        var key = analyzer.getFindingV2(r -> r.analyzerArn(arn).id(keyFinding)).findingDetails().get(0)
                .unusedIamUserAccessKeyDetails();
        assertThat(key.accessKeyId()).isEqualTo("AKIADEMOLEGACYBATCH1");
        assertThat(Duration.between(key.lastAccessed(), now).toDays()).isEqualTo(120);

        assertThatThrownBy(() -> analyzer.getFindingV2(r -> r.analyzerArn(arn).id("no-such-finding")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> analyzer.listFindingsV2(r -> r.analyzerArn(
                "arn:aws:access-analyzer:us-east-1:000000000000:analyzer/unknown")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void filtersAndPagesSeeTheSameFindingsAndBadOnesAreRefused() {
        String arn = demo();
        List<FindingSummaryV2> all = allFindings(arn, null, 100);
        assertThat(allFindings(arn, null, 3)).extracting(FindingSummaryV2::id)
                .containsExactlyElementsOf(all.stream().map(FindingSummaryV2::id).toList());

        assertThat(allFindings(arn, eq("findingType", "UnusedIAMRole"), 2))
                .hasSize((int) all.stream().filter(f -> f.findingType() == FindingType.UNUSED_IAM_ROLE).count())
                .allSatisfy(f -> assertThat(f.findingType()).isEqualTo(FindingType.UNUSED_IAM_ROLE));
        assertThat(allFindings(arn, Map.of("resource", Criterion.builder().contains("legacy-batch").build(),
                "findingType", Criterion.builder().neq("UnusedPermission").build()), 100))
                .extracting(FindingSummaryV2::findingType)
                .containsExactlyInAnyOrder(FindingType.UNUSED_IAM_USER_ACCESS_KEY, FindingType.UNUSED_IAM_USER_PASSWORD);
        assertThat(allFindings(arn, eq("status", "RESOLVED"), 100)).isEmpty();

        assertThatThrownBy(() -> analyzer.listFindingsV2(r -> r.analyzerArn(arn).filter(eq("colour", "red"))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> analyzer.listFindingsV2(r -> r.analyzerArn(arn).nextToken("garbage!")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> analyzer.listFindingsV2(r -> r.analyzerArn(arn).maxResults(0)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void usingAnUnusedRoleResolvesItsFindingUnderTheSameId() {
        String arn = demo();
        String role = ROLE + "accessloop/entitlement-prod-db-admin";
        FindingSummaryV2 before = allFindings(arn, eq("resource", role), 100).get(0);
        assertThat(before.findingType()).isEqualTo(FindingType.UNUSED_IAM_ROLE);

        Credentials session;
        try (StsClient sts = AwsClients.sts(AwsBasicCredentials.create(Scenarios.BROKER_ACCESS_KEY_ID,
                Scenarios.BROKER_SECRET_ACCESS_KEY))) {
            session = sts.assumeRole(r -> r.roleArn(role).roleSessionName("dba")).credentials();
        }
        RestAssured.given().baseUri(AwsClients.endpoint().toString()).contentType(ContentType.JSON)
                .body("{\"accessKeyId\":\"" + session.accessKeyId() + "\",\"secretAccessKey\":\""
                        + session.secretAccessKey() + "\",\"sessionToken\":\"" + session.sessionToken()
                        + "\",\"action\":\"rds:CreateDBSnapshot\",\"resource\":\"*\"}")
                .post("/_sandbox/simulate").then().statusCode(200);

        List<FindingSummaryV2> after = allFindings(arn, eq("resource", role), 100);
        assertThat(after).filteredOn(f -> f.id().equals(before.id())).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(FindingStatus.RESOLVED));
        assertThat(after).filteredOn(f -> f.status() == FindingStatus.ACTIVE).singleElement().satisfies(f -> {
            assertThat(f.findingType()).isEqualTo(FindingType.UNUSED_PERMISSION);
            var unused = analyzer.getFindingV2(r -> r.analyzerArn(arn).id(f.id())).findingDetails().get(0)
                    .unusedPermissionDetails();
            assertThat(unused.actions()).extracting(UnusedAction::action)
                    .containsExactlyInAnyOrder("rds:ModifyDBInstance", "rds:DeleteDBSnapshot", "rds:RebootDBInstance");
        });
    }

    @Test
    void identitiesYoungerThanTheUnusedAccessAgeAreNotJudgedYet() {
        iam.createRole(r -> r.roleName("fresh").assumeRolePolicyDocument(trustAccount()));
        String arn = analyzer.createAnalyzer(r -> r.analyzerName("unused").type(Type.ACCOUNT_UNUSED_ACCESS)
                .configuration(AnalyzerConfiguration.fromUnusedAccess(u -> u.unusedAccessAge(2)))).arn();
        assertThat(allFindings(arn, null, 100)).isEmpty();

        sandbox.clock().advance(Duration.ofDays(3));
        assertThat(allFindings(arn, null, 100)).extracting(FindingSummaryV2::findingType, FindingSummaryV2::resource)
                .containsExactly(tuple(FindingType.UNUSED_IAM_ROLE, ROLE + "fresh"));
    }

    @Test
    void checkNoNewAccessPassesForANarrowerPolicyAndFailsWithTheStatementsThatAddAccess() {
        String current = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":\"*\"}]}";
        CheckNoNewAccessResponse pass = analyzer.checkNoNewAccess(r -> r.existingPolicyDocument(current)
                .newPolicyDocument(allow("s3:GetObject", "arn:aws:s3:::reports/*"))
                .policyType(AccessCheckPolicyType.IDENTITY_POLICY));
        assertThat(pass.result()).isEqualTo(CheckNoNewAccessResult.PASS);
        assertThat(pass.reasons()).isEmpty();

        String wider = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\",\"Effect\":\"Allow\",\"Action\":"
                + "\"s3:GetObject\",\"Resource\":\"*\"},{\"Sid\":\"Write\",\"Effect\":\"Allow\",\"Action\":"
                + "[\"s3:PutObject\",\"s3:GetObject\"],\"Resource\":\"*\"}]}";
        CheckNoNewAccessResponse fail = analyzer.checkNoNewAccess(r -> r.existingPolicyDocument(current)
                .newPolicyDocument(wider).policyType(AccessCheckPolicyType.IDENTITY_POLICY));
        assertThat(fail.result()).isEqualTo(CheckNoNewAccessResult.FAIL);
        assertThat(fail.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.statementIndex()).isEqualTo(1);
            assertThat(reason.statementId()).isEqualTo("Write");
            assertThat(reason.description()).contains("s3:PutObject").doesNotContain("s3:GetObject");
        });

        assertThatThrownBy(() -> analyzer.checkNoNewAccess(r -> r.existingPolicyDocument(current)
                .newPolicyDocument("{\"Statement\":[{\"Effect\":\"Allow\"}]}")
                .policyType(AccessCheckPolicyType.IDENTITY_POLICY))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("newPolicyDocument");
        assertThatThrownBy(() -> analyzer.checkNoNewAccess(r -> r.existingPolicyDocument(current)
                .newPolicyDocument(current).policyType("TRUST_POLICY"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void validatePolicyReportsAMalformedDocumentAsAnErrorWithItsLocation() {
        String broken = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \"Action\": "
                + "\"s3:GetObject\",, \"Resource\": \"*\"}]\n}";
        List<ValidatePolicyFinding> findings = analyzer.validatePolicy(r -> r.policyDocument(broken)
                .policyType(PolicyType.IDENTITY_POLICY)).findings();
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.findingType()).isEqualTo(ValidatePolicyFindingType.ERROR);
            assertThat(f.issueCode()).isEqualTo("SYNTAX_ERROR");
            assertThat(f.locations().get(0).span().start().line()).isEqualTo(3);
        });

        List<ValidatePolicyFinding> noAction = analyzer.validatePolicy(r -> r.policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Resource\":\"*\"}]}")
                .policyType(PolicyType.IDENTITY_POLICY)).findings();
        assertThat(noAction).extracting(ValidatePolicyFinding::findingType, ValidatePolicyFinding::issueCode)
                .containsExactly(tuple(ValidatePolicyFindingType.ERROR, "MISSING_ACTION"));
        assertThatThrownBy(() -> analyzer.validatePolicy(r -> r.policyDocument(broken).policyType("WHATEVER")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void validatePolicyWarnsAboutPassRoleOnEverythingAndSuggestsRemovingRedundancy() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":[\"iam:PassRole\",\"s3:GetObject\",\"s3:Get*\"],\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":[\"*\",\"arn:aws:s3:::reports\"]},"
                + "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObjekt\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":[\"*\",\"arn:aws:s3:::reports\"]}]}";
        List<ValidatePolicyFinding> findings = analyzer.validatePolicy(r -> r.policyDocument(policy)
                .policyType(PolicyType.IDENTITY_POLICY)).findings();
        assertThat(findings).extracting(ValidatePolicyFinding::findingType, ValidatePolicyFinding::issueCode)
                .contains(tuple(ValidatePolicyFindingType.SECURITY_WARNING, "PASS_ROLE_WITH_STAR_IN_RESOURCE"),
                        tuple(ValidatePolicyFindingType.SUGGESTION, "REDUNDANT_ACTION"),
                        tuple(ValidatePolicyFindingType.SUGGESTION, "REDUNDANT_RESOURCE"),
                        tuple(ValidatePolicyFindingType.ERROR, "INVALID_ACTION"),
                        tuple(ValidatePolicyFindingType.SUGGESTION, "REDUNDANT_STATEMENT"));
        ValidatePolicyFinding redundant = findings.stream().filter(f -> f.issueCode().equals("REDUNDANT_ACTION"))
                .findFirst().orElseThrow();
        assertThat(redundant.findingDetails()).contains("s3:GetObject");
        assertThat(redundant.locations().get(0).path()).extracting(p -> p.value() != null ? p.value()
                : String.valueOf(p.index())).containsExactly("Statement", "0", "Action", "1");
        int offset = redundant.locations().get(0).span().start().offset();
        assertThat(policy.substring(offset)).startsWith("\"s3:GetObject\"");

        List<ValidatePolicyFinding> admin = analyzer.validatePolicy(r -> r.policyDocument(
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}")
                .policyType(PolicyType.IDENTITY_POLICY)).findings();
        assertThat(admin).extracting(ValidatePolicyFinding::findingType, ValidatePolicyFinding::issueCode)
                .containsExactlyInAnyOrder(tuple(ValidatePolicyFindingType.WARNING, "MISSING_VERSION"),
                        tuple(ValidatePolicyFindingType.SECURITY_WARNING, "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE"));

        assertThat(analyzer.validatePolicy(r -> r.policyDocument(allow("s3:GetObject", "arn:aws:s3:::reports/*"))
                .policyType(PolicyType.IDENTITY_POLICY)).findings()).isEmpty();
    }

    @Test
    void policyGenerationTurnsTheRolesRecordedCallsIntoAPolicy() throws Exception {
        demo();
        Instant now = sandbox.clock().now();
        String role = ROLE + "workload-reporting";
        String jobId = analyzer.startPolicyGeneration(r -> r.policyGenerationDetails(d -> d.principalArn(role))
                .cloudTrailDetails(c -> c.accessRole(ROLE + "trail-reader").startTime(now.minus(Duration.ofDays(60)))
                        .endTime(now).trails(t -> t.cloudTrailArn("arn:aws:cloudtrail:us-east-1:000000000000:trail/main")
                                .allRegions(true)))).jobId();
        GetGeneratedPolicyResponse generated = analyzer.getGeneratedPolicy(r -> r.jobId(jobId));
        assertThat(generated.jobDetails().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(generated.generatedPolicyResult().properties().principalArn()).isEqualTo(role);
        JsonNode policy = new ObjectMapper().readTree(generated.generatedPolicyResult().generatedPolicies().get(0).policy());
        List<String> actions = new ArrayList<>();
        policy.path("Statement").forEach(s -> {
            JsonNode action = s.path("Action");
            if (action.isTextual()) {
                actions.add(action.asText());
            } else {
                action.forEach(a -> actions.add(a.asText()));
            }
        });
        assertThat(actions).containsExactlyInAnyOrder("rds:CreateDBSnapshot", "s3:GetObject", "s3:ListBucket");

        String recent = analyzer.startPolicyGeneration(r -> r.policyGenerationDetails(d -> d.principalArn(role))
                .cloudTrailDetails(c -> c.accessRole(ROLE + "trail-reader").startTime(now.minus(Duration.ofDays(10)))
                        .endTime(now))).jobId();
        assertThat(analyzer.getGeneratedPolicy(r -> r.jobId(recent)).generatedPolicyResult().generatedPolicies()
                .get(0).policy()).contains("s3:GetObject").doesNotContain("rds:");

        String missing = analyzer.startPolicyGeneration(r -> r.policyGenerationDetails(d -> d.principalArn(ROLE + "gone"))
                .cloudTrailDetails(c -> c.accessRole(ROLE + "trail-reader").startTime(now.minus(Duration.ofDays(1)))))
                .jobId();
        var failed = analyzer.getGeneratedPolicy(r -> r.jobId(missing)).jobDetails();
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.jobError().codeAsString()).isEqualTo("RESOURCE_NOT_FOUND_ERROR");
        assertThat(analyzer.listPolicyGenerations(r -> r.principalArn(role)).policyGenerations()).hasSize(2);

        assertThatThrownBy(() -> analyzer.getGeneratedPolicy(r -> r.jobId("no-such-job")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> analyzer.startPolicyGeneration(r -> r.policyGenerationDetails(d -> d.principalArn("me"))))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void callsAreAuthorisedWithAccessAnalyzerActionsAndRecordedInCloudTrail() throws Exception {
        iam.createUser(r -> r.userName("auditor"));
        var key = iam.createAccessKey(r -> r.userName("auditor")).accessKey();
        var auditor = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
        try (AccessAnalyzerClient denied = AwsClients.accessAnalyzer(auditor)) {
            assertThatThrownBy(() -> denied.listAnalyzers(r -> { })).isInstanceOf(AccessDeniedException.class);
            iam.putUserPolicy(r -> r.userName("auditor").policyName("aa").policyDocument(
                    allow("access-analyzer:ListAnalyzers", "*")));
            assertThat(denied.listAnalyzers(r -> { }).analyzers()).isEmpty();
            assertThatThrownBy(() -> denied.createAnalyzer(r -> r.analyzerName("mine")
                    .type(Type.ACCOUNT_UNUSED_ACCESS))).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(analyzer.listAnalyzers(r -> { }).analyzers()).as("a refused create changes nothing").isEmpty();

        var events = sandbox.trail().all().stream()
                .filter(e -> e.eventSource().equals("access-analyzer.amazonaws.com")).toList();
        assertThat(events).extracting(e -> e.eventName())
                .containsExactly("ListAnalyzers", "ListAnalyzers", "CreateAnalyzer", "ListAnalyzers");
        JsonNode refused = new ObjectMapper().readTree(events.get(2).json());
        assertThat(refused.path("errorCode").asText()).isEqualTo("AccessDeniedException");
        assertThat(refused.path("requestParameters").path("analyzerName").asText()).isEqualTo("mine");
        assertThat(sandbox.advisor().usageOf(USER + "auditor")).containsKey("access-analyzer:listanalyzers");
    }

    @Test
    void theV2FindingCallsAreAuthorisedByTheV1Actions() {
        String analyzerArn = demo();
        iam.createUser(r -> r.userName("reader"));
        var key = iam.createAccessKey(r -> r.userName("reader")).accessKey();
        var reader = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
        try (AccessAnalyzerClient client = AwsClients.accessAnalyzer(reader)) {
            iam.putUserPolicy(r -> r.userName("reader").policyName("aa").policyDocument(
                    allow("access-analyzer:ListFindingsV2", "*")));
            assertThatThrownBy(() -> client.listFindingsV2(r -> r.analyzerArn(analyzerArn)))
                    .as("ListFindingsV2 is not an IAM action").isInstanceOf(AccessDeniedException.class);

            iam.putUserPolicy(r -> r.userName("reader").policyName("aa").policyDocument(
                    allow("access-analyzer:ListFindings", analyzerArn)));
            assertThat(client.listFindingsV2(r -> r.analyzerArn(analyzerArn)).findings()).isNotEmpty();
        }
    }

    @Test
    void badJsonUnknownPathsAndUnsignedCallsAreAwsErrorsNeverServerErrors() throws Exception {
        HttpResponse<String> badJson = SignedHttp.send(AwsClients.ROOT, "access-analyzer", "POST",
                "/policy/validation", "application/json", "{not json");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(badJson.headers().firstValue("x-amzn-ErrorType")).hasValue("ValidationException");

        HttpResponse<String> array = SignedHttp.send(AwsClients.ROOT, "access-analyzer", "POST",
                "/policy/check-no-new-access", "application/json", "[1,2]");
        assertThat(array.statusCode()).isEqualTo(400);

        HttpResponse<String> wrongTypes = SignedHttp.send(AwsClients.ROOT, "access-analyzer", "POST",
                "/findingv2", "application/json", "{\"analyzerArn\":42,\"filter\":[]}");
        assertThat(wrongTypes.statusCode()).isBetween(400, 499);

        HttpResponse<String> garbageFilter = SignedHttp.send(AwsClients.ROOT, "access-analyzer", "POST",
                "/findingv2", "application/json", "{\"analyzerArn\":\"" + demo() + "\",\"filter\":{\"status\":"
                        + "{\"eq\":[1]},\"id\":{\"exists\":\"yes\"}},\"sort\":{\"attributeName\":\"colour\"}}");
        assertThat(garbageFilter.statusCode()).isEqualTo(400);
        assertThat(garbageFilter.body()).contains("\"message\"");

        HttpResponse<String> unknown = SignedHttp.send(AwsClients.ROOT, "access-analyzer", "PATCH",
                "/analyzer/x", "application/json", "{}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");

        HttpResponse<String> generation = SignedHttp.send(AwsClients.ROOT, "access-analyzer", "PUT",
                "/policy/generation", "application/json", "{\"policyGenerationDetails\":{\"principalArn\":\""
                        + ROLE + "workload-reporting\"},\"cloudTrailDetails\":{\"startTime\":\"yesterday\"}}");
        assertThat(generation.statusCode()).isEqualTo(400);

        int unsigned = RestAssured.given().baseUri(AwsClients.endpoint().toString()).get("/analyzer").statusCode();
        assertThat(unsigned).isEqualTo(403);
    }
}

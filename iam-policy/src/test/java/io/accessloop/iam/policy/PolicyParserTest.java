package io.accessloop.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.accessloop.iam.policy.MalformedPolicyException.Reason;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyParserTest {

    private static final String S3_READ = """
            {
              "Version": "2012-10-17",
              "Statement": {
                "Sid": "ReadBucket",
                "Effect": "Allow",
                "Action": ["s3:GetObject", "s3:ListBucket"],
                "Resource": "arn:aws:s3:::reports/*"
              }
            }""";

    @Test
    void statementMayBeASingleObjectAndFieldsMayBeStringsOrArrays() {
        PolicyDocument doc = PolicyParser.parse(S3_READ, PolicyKind.IDENTITY);

        assertThat(doc.version()).isEqualTo("2012-10-17");
        assertThat(doc.statements()).hasSize(1);
        Statement s = doc.statements().get(0);
        assertThat(s.sid()).isEqualTo("ReadBucket");
        assertThat(s.effect()).isEqualTo(Effect.ALLOW);
        assertThat(s.actions()).containsExactly("s3:GetObject", "s3:ListBucket");
        assertThat(s.resources()).containsExactly("arn:aws:s3:::reports/*");
        assertThat(s.principals()).isNull();
    }

    @Test
    void readsPrincipalsNotElementsAndConditionsWithNonStringValues() {
        PolicyDocument doc = PolicyParser.parse("""
                {"Version":"2012-10-17","Id":"trust","Statement":[
                 {"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root","444455556666"],
                   "Service":"ec2.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"],
                  "Condition":{"Bool":{"aws:MultiFactorAuthPresent":true},
                   "NumericLessThan":{"aws:MultiFactorAuthAge":3600},
                   "ForAnyValue:StringLike":{"aws:TagKeys":["team","cost*"]}}},
                 {"Effect":"Deny","NotPrincipal":"*","NotAction":"sts:SetSourceIdentity"}]}""", PolicyKind.TRUST);

        assertThat(doc.id()).isEqualTo("trust");
        Statement allow = doc.statements().get(0);
        assertThat(allow.principals().identifiers("AWS"))
                .containsExactly("arn:aws:iam::111122223333:root", "444455556666");
        assertThat(allow.principals().identifiers("Service")).containsExactly("ec2.amazonaws.com");
        assertThat(allow.conditions()).extracting(c -> c.operator().jsonName(), Condition::key, Condition::values)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Bool", "aws:MultiFactorAuthPresent", List.of("true")),
                        org.assertj.core.groups.Tuple.tuple("NumericLessThan", "aws:MultiFactorAuthAge", List.of("3600")),
                        org.assertj.core.groups.Tuple.tuple("ForAnyValue:StringLike", "aws:TagKeys",
                                List.of("team", "cost*")));
        assertThat(allow.conditions().get(2).operator().qualifier())
                .isEqualTo(ConditionOperator.SetQualifier.FOR_ANY_VALUE);
        Statement deny = doc.statements().get(1);
        assertThat(deny.notPrincipals().wildcard()).isTrue();
        assertThat(deny.notActions()).containsExactly("sts:SetSourceIdentity");
    }

    @Test
    void deletedPrincipalsShownAsUniqueIdsAreAccepted() {
        PolicyDocument doc = PolicyParser.parse("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"AROA1234567890EXAMPLE\"},\"Action\":\"sts:AssumeRole\"}}", PolicyKind.TRUST);

        assertThat(doc.statements().get(0).principals().identifiers("AWS")).containsExactly("AROA1234567890EXAMPLE");
    }

    @Test
    void urlEncodedDocumentsAsIamAndConfigReturnThemAreDecoded() {
        String encoded = URLEncoder.encode(S3_READ, StandardCharsets.UTF_8).replace("+", "%20");

        assertThat(PolicyParser.parse(encoded)).isEqualTo(PolicyParser.parse(S3_READ));
    }

    @Test
    void configStyleEncodingKeepsPlusSignsInValues() {
        String encoded = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22"
                + "%2C%22Action%22%3A%22s3%3AGetObject%22%2C%22Resource%22%3A%22arn%3Aaws%3As3%3A%3A%3Aa+b%2F*%22%7D%5D%7D";

        assertThat(PolicyParser.parse(encoded).statements().get(0).resources()).containsExactly("arn:aws:s3:::a+b/*");
    }

    @Test
    void brokenUrlEncodingIsASyntaxError() {
        assertThatThrownBy(() -> PolicyParser.parse("%7B%2"))
                .isInstanceOf(MalformedPolicyException.class)
                .extracting(e -> ((MalformedPolicyException) e).reason()).isEqualTo(Reason.SYNTAX_ERROR);
    }

    @Test
    void unknownFieldIsRefusedWithItsPosition() {
        MalformedPolicyException e = catchThrowableOfType(MalformedPolicyException.class,
                () -> PolicyParser.parse("{\"Version\":\"2012-10-17\",\n  \"Statement\":[{\"Effect\":\"Allow\",\n"
                        + "   \"Actoin\":\"s3:GetObject\",\"Resource\":\"*\"}]}"));

        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_FIELD);
        assertThat(e.iamMessage()).isEqualTo("Unknown field Actoin");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(4);
        assertThat(e.getMessage()).contains("line 3, column 4");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad effect|{\"Statement\":{\"Effect\":\"allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}|INVALID_EFFECT",
        "missing effect|{\"Statement\":{\"Action\":\"s3:*\",\"Resource\":\"*\"}}|MISSING_EFFECT",
        "missing action|{\"Statement\":{\"Effect\":\"Allow\",\"Resource\":\"*\"}}|MISSING_ACTION",
        "empty action list|{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[],\"Resource\":\"*\"}}|MISSING_ACTION",
        "action without vendor|{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"GetObject\",\"Resource\":\"*\"}}|INVALID_ACTION",
        "action with space|{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:Get Object\",\"Resource\":\"*\"}}|INVALID_ACTION",
        "resource not an ARN|{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"my-bucket\"}}|INVALID_RESOURCE",
        "ARN too short|{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::\"}}|NONE",
        "ARN missing parts|{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3\"}}|INVALID_RESOURCE",
        "both Action and NotAction|{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}}|CONFLICTING_FIELDS",
        "both Resource and NotResource|{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"NotResource\":\"*\"}}|CONFLICTING_FIELDS",
        "unsupported version|{\"Version\":\"2020-01-01\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}|INVALID_VERSION",
        "no statement|{\"Version\":\"2012-10-17\"}|MISSING_STATEMENT",
        "empty statement array|{\"Version\":\"2012-10-17\",\"Statement\":[]}|MISSING_STATEMENT",
        "unknown operator|{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"StringSortOf\":{\"aws:username\":\"a\"}}}}|INVALID_CONDITION",
        "NullIfExists is not an operator|{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"NullIfExists\":{\"aws:username\":\"true\"}}}}|INVALID_CONDITION",
        "condition key without vendor|{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"username\":\"a\"}}}}|INVALID_CONDITION",
        "principal string other than star|{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"bob\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}|INVALID_PRINCIPAL",
        "bad AWS principal|{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"bob\"},\"Action\":\"s3:*\",\"Resource\":\"*\"}}|INVALID_PRINCIPAL",
        "unknown principal type|{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"Human\":\"bob\"},\"Action\":\"s3:*\",\"Resource\":\"*\"}}|INVALID_PRINCIPAL",
        "number as action|{\"Statement\":{\"Effect\":\"Allow\",\"Action\":5,\"Resource\":\"*\"}}|SYNTAX_ERROR",
        "not JSON|{\"Statement\":|SYNTAX_ERROR",
        "array document|[]|SYNTAX_ERROR",
        "trailing garbage|{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}} x|SYNTAX_ERROR",
        "duplicate key|{\"Statement\":{\"Effect\":\"Allow\",\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}|SYNTAX_ERROR",
        "lower-case element name|{\"Statement\":{\"effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}|UNKNOWN_FIELD",
    })
    void invalidDocumentsAreRefusedWithIamsReason(String name, String json, String reason) {
        if (reason.equals("NONE")) {
            assertThat(PolicyParser.parse(json).statements()).hasSize(1);
            return;
        }
        MalformedPolicyException e = catchThrowableOfType(MalformedPolicyException.class,
                () -> PolicyParser.parse(json));

        assertThat(e).as(name).isNotNull();
        assertThat(e.reason()).isEqualTo(Reason.valueOf(reason));
        assertThat(e.line()).isPositive();
    }

    @Test
    void identityPoliciesMustNotNamePrincipals() {
        MalformedPolicyException e = catchThrowableOfType(MalformedPolicyException.class, () -> PolicyParser.parse(
                "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}",
                PolicyKind.IDENTITY));

        assertThat(e.reason()).isEqualTo(Reason.PROHIBITED_FIELD);
        assertThat(e.errorCode()).isEqualTo("MalformedPolicyDocument");
        assertThat(e.iamMessage()).isEqualTo("Has prohibited field Principal");
        assertThat(e.column()).isEqualTo(32);
    }

    @Test
    void identityAndSessionPoliciesNeedResources() {
        String json = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}}";

        assertThat(PolicyParser.parse(json).statements()).hasSize(1);
        for (PolicyKind kind : List.of(PolicyKind.IDENTITY, PolicyKind.SESSION)) {
            assertThatThrownBy(() -> PolicyParser.parse(json, kind))
                    .isInstanceOf(MalformedPolicyException.class)
                    .hasMessageStartingWith("Policy statement must contain resources.");
        }
        assertThatThrownBy(() -> PolicyParser.parse(json.replace("\"Action\"", "\"Principal\":\"*\",\"Action\""),
                PolicyKind.RESOURCE)).hasMessageStartingWith("Policy statement must contain resources.");
    }

    @Test
    void trustAndResourcePoliciesNeedAPrincipal() {
        String json = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}}";

        MalformedPolicyException resource = catchThrowableOfType(MalformedPolicyException.class,
                () -> PolicyParser.parse(json, PolicyKind.RESOURCE));
        assertThat(resource.reason()).isEqualTo(Reason.MISSING_PRINCIPAL);
        assertThat(resource.iamMessage()).isEqualTo("Missing required field Principal");
    }

    @Test
    void trustPoliciesRefuseResourcesAndNonStsActions() {
        String withResource = "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}}";
        String s3Action = "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
                + "\"Action\":\"s3:GetObject\"}}";

        assertThatThrownBy(() -> PolicyParser.parse(withResource, PolicyKind.TRUST))
                .hasMessageStartingWith("Has prohibited field Resource");
        assertThatThrownBy(() -> PolicyParser.parse(s3Action, PolicyKind.TRUST))
                .hasMessageStartingWith("AssumeRole policy may only specify STS AssumeRole actions.");
    }

    @Test
    void sidsMustBeUniqueAndAlphanumericInIamPolicies() {
        String dup = "{\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"},"
                + "{\"Sid\":\"A\",\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
        String spaced = "{\"Statement\":[{\"Sid\":\"Allow reads\",\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

        assertThatThrownBy(() -> PolicyParser.parse(dup, PolicyKind.IDENTITY))
                .extracting(e -> ((MalformedPolicyException) e).reason()).isEqualTo(Reason.DUPLICATE_SID);
        assertThatThrownBy(() -> PolicyParser.parse(spaced.replace("\"Principal\":\"*\",", ""), PolicyKind.IDENTITY))
                .extracting(e -> ((MalformedPolicyException) e).reason()).isEqualTo(Reason.INVALID_SID);
        assertThat(PolicyParser.parse(spaced, PolicyKind.RESOURCE).statements().get(0).sid()).isEqualTo("Allow reads");
    }

    @Test
    void sizeQuotasCountNonWhitespaceCharacters() {
        String padded = S3_READ.replace("\"Sid\"", " ".repeat(5000) + "\"Sid\"");
        String large = PolicyDocument.of(Statement.allow().actions("s3:GetObject")
                .resources("arn:aws:s3:::" + "x".repeat(2100)).build()).toJson();

        assertThat(PolicyParser.parse(padded, PolicyKind.IDENTITY, PolicySizeLimits.Limit.INLINE_USER)).isNotNull();
        assertThatThrownBy(() -> PolicyParser.parse(large, PolicyKind.IDENTITY, PolicySizeLimits.Limit.INLINE_USER))
                .isInstanceOf(MalformedPolicyException.class)
                .hasMessageStartingWith("Cannot exceed quota for PolicySize: 2048")
                .extracting(e -> ((MalformedPolicyException) e).errorCode()).isEqualTo("LimitExceeded");
        assertThat(PolicyParser.parse(large, PolicyKind.IDENTITY, PolicySizeLimits.Limit.MANAGED)).isNotNull();
        assertThat(PolicySizeLimits.countedCharacters(" {\n\t\"a\" } ")).isEqualTo(5);
        assertThat(PolicySizeLimits.fitsTogether(List.of(large, large, large, large), PolicySizeLimits.Limit.INLINE_ROLE))
                .isTrue();
        assertThat(PolicySizeLimits.fitsTogether(List.of(large, large, large, large, large),
                PolicySizeLimits.Limit.INLINE_ROLE)).isFalse();
    }

    @Test
    void toJsonIsCanonicalAndParsesBackToTheSameDocument() {
        PolicyDocument doc = PolicyParser.parse(S3_READ);

        assertThat(doc.toJson()).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ReadBucket\","
                + "\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],"
                + "\"Resource\":\"arn:aws:s3:::reports/*\"}]}");
        assertThat(PolicyParser.parse(doc.toJson())).isEqualTo(doc);
        assertThat(PolicyParser.parse(doc.toPrettyJson())).isEqualTo(doc);
    }

    @Test
    void operatorsAreReadCaseInsensitivelyAndWrittenCanonically() {
        PolicyDocument doc = PolicyParser.parse("{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"forallvalues:stringequalsifexists\":{\"aws:TagKeys\":\"a\"}}}}");

        assertThat(doc.toJson()).contains("\"ForAllValues:StringEqualsIfExists\":{\"aws:TagKeys\":\"a\"}");
        assertThat(doc.version()).isNull();
        assertThat(doc.supportsPolicyVariables()).isFalse();
    }
}

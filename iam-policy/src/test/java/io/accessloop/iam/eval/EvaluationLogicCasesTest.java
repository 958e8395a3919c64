package io.accessloop.iam.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessloop.iam.policy.PolicyKind;
import io.accessloop.iam.policy.PolicyParser;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AWS's policy evaluation logic, one row per documented rule. Policies are lists of statements in compact JSON
 * with single quotes ({@code -} for none); {@code ctx} uses {@code key=v1,v2;key2=v}.
 */
class EvaluationLogicCasesTest {

    private static final String USER = "arn:aws:iam::111122223333:user/alice";
    private static final String SESSION = "arn:aws:sts::111122223333:assumed-role/app/alice@example.com";
    private static final String OTHER = "arn:aws:iam::999988887777:user/mallory";

    private static final String CASES = """
            # rule | identity | boundary | session | resource policy | principal | action | resource | ctx | decision
            no policy means implicit deny | - | - | - | - | USER | s3:GetObject | arn:aws:s3:::b/k | - | IMPLICIT_DENY
            an allow grants | {'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/k'} | - | - | - | USER | s3:GetObject | arn:aws:s3:::b/k | - | ALLOWED
            an allow of another action does not grant | {'Effect':'Allow','Action':'s3:PutObject','Resource':'*'} | - | - | - | USER | s3:GetObject | arn:aws:s3:::b/k | - | IMPLICIT_DENY
            an allow of another resource does not grant | {'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::c/*'} | - | - | - | USER | s3:GetObject | arn:aws:s3:::b/k | - | IMPLICIT_DENY
            explicit deny beats allow | {'Effect':'Allow','Action':'s3:*','Resource':'*'},{'Effect':'Deny','Action':'s3:GetObject','Resource':'*'} | - | - | - | USER | s3:GetObject | arn:aws:s3:::b/k | - | EXPLICIT_DENY
            deny order does not matter | {'Effect':'Deny','Action':'s3:GetObject','Resource':'*'},{'Effect':'Allow','Action':'s3:*','Resource':'*'} | - | - | - | USER | s3:GetObject | arn:aws:s3:::b/k | - | EXPLICIT_DENY
            a deny of something else leaves the allow | {'Effect':'Allow','Action':'s3:*','Resource':'*'},{'Effect':'Deny','Action':'s3:DeleteObject','Resource':'*'} | - | - | - | USER | s3:GetObject | arn:aws:s3:::b/k | - | ALLOWED
            a conditional deny that does not hold leaves the allow | {'Effect':'Allow','Action':'s3:*','Resource':'*'},{'Effect':'Deny','Action':'*','Resource':'*','Condition':{'Bool':{'aws:MultiFactorAuthPresent':'false'}}} | - | - | - | USER | s3:GetObject | arn:aws:s3:::b/k | aws:MultiFactorAuthPresent=true | ALLOWED
            a conditional deny that holds denies | {'Effect':'Allow','Action':'s3:*','Resource':'*'},{'Effect':'Deny','Action':'*','Resource':'*','Condition':{'Bool':{'aws:MultiFactorAuthPresent':'false'}}} | - | - | - | USER | s3:GetObject | arn:aws:s3:::b/k | aws:MultiFactorAuthPresent=false | EXPLICIT_DENY
            BoolIfExists deny also covers requests without the key | {'Effect':'Allow','Action':'s3:*','Resource':'*'},{'Effect':'Deny','Action':'*','Resource':'*','Condition':{'BoolIfExists':{'aws:MultiFactorAuthPresent':'false'}}} | - | - | - | USER | s3:GetObject | arn:aws:s3:::b/k | - | EXPLICIT_DENY
            keys in one condition block are ANDed | {'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'StringEquals':{'aws:username':'alice','aws:PrincipalTag/team':'red'}}} | - | - | - | USER | s3:GetObject | arn:aws:s3:::b/k | aws:username=alice;aws:PrincipalTag/team=blue | IMPLICIT_DENY
            keys in one condition block all hold | {'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'StringEquals':{'aws:username':'alice','aws:PrincipalTag/team':'red'}}} | - | - | - | USER | s3:GetObject | arn:aws:s3:::b/k | aws:username=alice;aws:PrincipalTag/team=red | ALLOWED
            operators in one block are ANDed | {'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'StringEquals':{'aws:username':'alice'},'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}}} | - | - | - | USER | s3:GetObject | arn:aws:s3:::b/k | aws:username=alice;aws:SourceIp=192.168.0.1 | IMPLICIT_DENY
            two policies are ORed | {'Effect':'Allow','Action':'s3:PutObject','Resource':'*'} ## {'Effect':'Allow','Action':'s3:GetObject','Resource':'*'} | - | - | - | USER | s3:GetObject | arn:aws:s3:::b/k | - | ALLOWED
            a deny in a second policy still wins | {'Effect':'Allow','Action':'s3:*','Resource':'*'} ## {'Effect':'Deny','Action':'s3:Get*','Resource':'*'} | - | - | - | USER | s3:GetObject | arn:aws:s3:::b/k | - | EXPLICIT_DENY
            action names are case-insensitive | {'Effect':'Allow','Action':'S3:getobject','Resource':'*'} | - | - | - | USER | s3:GetObject | arn:aws:s3:::b/k | - | ALLOWED
            action star matches a prefix | {'Effect':'Allow','Action':'s3:Get*','Resource':'*'} | - | - | - | USER | s3:GetObjectAcl | arn:aws:s3:::b/k | - | ALLOWED
            action star does not match other services | {'Effect':'Allow','Action':'s3:Get*','Resource':'*'} | - | - | - | USER | ec2:GetConsoleOutput | * | - | IMPLICIT_DENY
            action question mark matches one character | {'Effect':'Allow','Action':'s3:?etObject','Resource':'*'} | - | - | - | USER | s3:GetObject | arn:aws:s3:::b/k | - | ALLOWED
            action question mark needs one character | {'Effect':'Allow','Action':'s3:?GetObject','Resource':'*'} | - | - | - | USER | s3:GetObject | arn:aws:s3:::b/k | - | IMPLICIT_DENY
            star action allows everything | {'Effect':'Allow','Action':'*','Resource':'*'} | - | - | - | USER | iam:CreateUser | * | - | ALLOWED
            NotAction allows all other actions | {'Effect':'Allow','NotAction':'iam:*','Resource':'*'} | - | - | - | USER | s3:GetObject | arn:aws:s3:::b/k | - | ALLOWED
            NotAction does not allow the listed actions | {'Effect':'Allow','NotAction':'iam:*','Resource':'*'} | - | - | - | USER | iam:CreateUser | * | - | IMPLICIT_DENY
            NotAction with deny denies all but the listed | {'Effect':'Allow','Action':'*','Resource':'*'},{'Effect':'Deny','NotAction':['iam:ChangePassword','sts:GetSessionToken'],'Resource':'*','Condition':{'BoolIfExists':{'aws:MultiFactorAuthPresent':'false'}}} | - | - | - | USER | s3:ListBucket | arn:aws:s3:::b | - | EXPLICIT_DENY
            NotAction deny spares the listed action | {'Effect':'Allow','Action':'*','Resource':'*'},{'Effect':'Deny','NotAction':['iam:ChangePassword','sts:GetSessionToken'],'Resource':'*','Condition':{'BoolIfExists':{'aws:MultiFactorAuthPresent':'false'}}} | - | - | - | USER | iam:ChangePassword | arn:aws:iam::111122223333:user/alice | - | ALLOWED
            resource ARNs are case-sensitive | {'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::B/*'} | - | - | - | USER | s3:GetObject | arn:aws:s3:::b/k | - | IMPLICIT_DENY
            resource star in the resource part | {'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'} | - | - | - | USER | s3:GetObject | arn:aws:s3:::b/dir/k | - | ALLOWED
            bucket ARN does not cover its objects | {'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b'} | - | - | - | USER | s3:GetObject | arn:aws:s3:::b/k | - | IMPLICIT_DENY
            objects ARN does not cover the bucket | {'Effect':'Allow','Action':'s3:ListBucket','Resource':'arn:aws:s3:::b/*'} | - | - | - | USER | s3:ListBucket | arn:aws:s3:::b | - | IMPLICIT_DENY
            resource question mark matches one character | {'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/k?'} | - | - | - | USER | s3:GetObject | arn:aws:s3:::b/k1 | - | ALLOWED
            resource wildcards per segment: region | {'Effect':'Allow','Action':'ec2:StartInstances','Resource':'arn:aws:ec2:*:111122223333:instance/*'} | - | - | - | USER | ec2:StartInstances | arn:aws:ec2:eu-west-1:111122223333:instance/i-1 | - | ALLOWED
            resource wildcards per segment: account differs | {'Effect':'Allow','Action':'ec2:StartInstances','Resource':'arn:aws:ec2:*:111122223333:instance/*'} | - | - | - | USER | ec2:StartInstances | arn:aws:ec2:eu-west-1:999988887777:instance/i-1 | - | IMPLICIT_DENY
            a resource star does not span ARN segments | {'Effect':'Allow','Action':'logs:PutLogEvents','Resource':'arn:aws:logs:*:log-group:/app:*'} | - | - | - | USER | logs:PutLogEvents | arn:aws:logs:eu-west-1:111122223333:log-group:/app:log-stream:x | - | IMPLICIT_DENY
            a resource star spans colons inside the resource part | {'Effect':'Allow','Action':'logs:PutLogEvents','Resource':'arn:aws:logs:*:*:log-group:/app:*'} | - | - | - | USER | logs:PutLogEvents | arn:aws:logs:eu-west-1:111122223333:log-group:/app:log-stream:x | - | ALLOWED
            an ARN pattern does not match a star resource | {'Effect':'Allow','Action':'ec2:DescribeInstances','Resource':'arn:aws:ec2:*:*:instance/*'} | - | - | - | USER | ec2:DescribeInstances | * | - | IMPLICIT_DENY
            a star resource covers actions without resource-level permissions | {'Effect':'Allow','Action':'ec2:DescribeInstances','Resource':'*'} | - | - | - | USER | ec2:DescribeInstances | * | - | ALLOWED
            NotResource allows other resources | {'Effect':'Allow','Action':'s3:*','NotResource':'arn:aws:s3:::secret/*'} | - | - | - | USER | s3:GetObject | arn:aws:s3:::b/k | - | ALLOWED
            NotResource excludes the listed resources | {'Effect':'Allow','Action':'s3:*','NotResource':'arn:aws:s3:::secret/*'} | - | - | - | USER | s3:GetObject | arn:aws:s3:::secret/k | - | IMPLICIT_DENY
            NotResource deny protects all but the listed | {'Effect':'Allow','Action':'s3:*','Resource':'*'},{'Effect':'Deny','Action':'s3:*','NotResource':['arn:aws:s3:::b','arn:aws:s3:::b/*']} | - | - | - | USER | s3:GetObject | arn:aws:s3:::c/k | - | EXPLICIT_DENY
            username variable in the resource | {'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::home/${aws:username}/*'} | - | - | - | USER | s3:GetObject | arn:aws:s3:::home/alice/k | aws:username=alice | ALLOWED
            username variable keeps others out | {'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::home/${aws:username}/*'} | - | - | - | USER | s3:GetObject | arn:aws:s3:::home/bob/k | aws:username=alice | IMPLICIT_DENY
            unresolvable variable in the resource matches nothing | {'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::home/${aws:username}/*'} | - | - | - | USER | s3:GetObject | arn:aws:s3:::home/alice/k | - | IMPLICIT_DENY
            resource variable default | {'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::home/${aws:username, 'shared'}/*'} | - | - | - | USER | s3:GetObject | arn:aws:s3:::home/shared/k | - | ALLOWED
            principal tag variable in the resource | {'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::teams/${aws:PrincipalTag/team}/*'} | - | - | - | USER | s3:GetObject | arn:aws:s3:::teams/red/k | aws:PrincipalTag/team=red | ALLOWED
            source identity variable in the resource | {'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::people/${aws:SourceIdentity}/*'} | - | - | - | SESSION | s3:GetObject | arn:aws:s3:::people/alice@example.com/k | aws:SourceIdentity=alice@example.com | ALLOWED
            a variable value star is literal in the resource | {'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::home/${aws:username}/k'} | - | - | - | USER | s3:GetObject | arn:aws:s3:::home/anyone/k | aws:username=* | IMPLICIT_DENY
            boundary allows and identity allows | {'Effect':'Allow','Action':'s3:*','Resource':'*'} | {'Effect':'Allow','Action':'s3:GetObject','Resource':'*'} | - | - | USER | s3:GetObject | arn:aws:s3:::b/k | - | ALLOWED
            boundary does not allow: implicit deny | {'Effect':'Allow','Action':'s3:*','Resource':'*'} | {'Effect':'Allow','Action':'s3:GetObject','Resource':'*'} | - | - | USER | s3:PutObject | arn:aws:s3:::b/k | - | IMPLICIT_DENY
            boundary alone grants nothing | - | {'Effect':'Allow','Action':'*','Resource':'*'} | - | - | USER | s3:GetObject | arn:aws:s3:::b/k | - | IMPLICIT_DENY
            a deny in the boundary is an explicit deny | {'Effect':'Allow','Action':'s3:*','Resource':'*'} | {'Effect':'Allow','Action':'*','Resource':'*'},{'Effect':'Deny','Action':'s3:GetObject','Resource':'*'} | - | - | USER | s3:GetObject | arn:aws:s3:::b/k | - | EXPLICIT_DENY
            session policy narrows the role | {'Effect':'Allow','Action':'s3:*','Resource':'*'} | - | {'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'} | - | SESSION | s3:GetObject | arn:aws:s3:::b/k | - | ALLOWED
            session policy outside: implicit deny | {'Effect':'Allow','Action':'s3:*','Resource':'*'} | - | {'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'} | - | SESSION | s3:PutObject | arn:aws:s3:::b/k | - | IMPLICIT_DENY
            session policy cannot widen the role | {'Effect':'Allow','Action':'s3:GetObject','Resource':'*'} | - | {'Effect':'Allow','Action':'*','Resource':'*'} | - | SESSION | s3:PutObject | arn:aws:s3:::b/k | - | IMPLICIT_DENY
            deny in a session policy | {'Effect':'Allow','Action':'s3:*','Resource':'*'} | - | {'Effect':'Allow','Action':'*','Resource':'*'},{'Effect':'Deny','Action':'s3:PutObject','Resource':'*'} | - | SESSION | s3:PutObject | arn:aws:s3:::b/k | - | EXPLICIT_DENY
            identity, boundary and session all allow | {'Effect':'Allow','Action':'s3:*','Resource':'*'} | {'Effect':'Allow','Action':'s3:Get*','Resource':'*'} | {'Effect':'Allow','Action':'s3:GetObject','Resource':'*'} | - | SESSION | s3:GetObject | arn:aws:s3:::b/k | - | ALLOWED
            same account: resource policy naming the user allows alone | - | - | - | {'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:user/alice'},'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'} | USER | s3:GetObject | arn:aws:s3:::b/k | - | ALLOWED
            same account: boundary does not limit a grant to the user | - | {'Effect':'Allow','Action':'sts:GetCallerIdentity','Resource':'*'} | - | {'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:user/alice'},'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'} | USER | s3:GetObject | arn:aws:s3:::b/k | - | ALLOWED
            same account: boundary limits a grant to the role | - | {'Effect':'Allow','Action':'sts:GetCallerIdentity','Resource':'*'} | - | {'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:role/app'},'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'} | SESSION | s3:GetObject | arn:aws:s3:::b/k | - | IMPLICIT_DENY
            same account: grant to the role allows its sessions | - | - | - | {'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:role/app'},'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'} | SESSION | s3:GetObject | arn:aws:s3:::b/k | - | ALLOWED
            same account: session policy limits a grant to the role | - | - | {'Effect':'Allow','Action':'s3:PutObject','Resource':'*'} | {'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:role/app'},'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'} | SESSION | s3:GetObject | arn:aws:s3:::b/k | - | IMPLICIT_DENY
            same account: a grant to the session ARN is not limited by the session policy | - | - | {'Effect':'Allow','Action':'s3:PutObject','Resource':'*'} | {'Effect':'Allow','Principal':{'AWS':'arn:aws:sts::111122223333:assumed-role/app/alice@example.com'},'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'} | SESSION | s3:GetObject | arn:aws:s3:::b/k | - | ALLOWED
            same account: a grant to the account delegates to identity policies | - | - | - | {'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:root'},'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'} | USER | s3:GetObject | arn:aws:s3:::b/k | - | IMPLICIT_DENY
            same account: account id form delegates too | {'Effect':'Allow','Action':'s3:GetObject','Resource':'*'} | - | - | {'Effect':'Allow','Principal':{'AWS':'111122223333'},'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'} | USER | s3:GetObject | arn:aws:s3:::b/k | - | ALLOWED
            a deny in the resource policy wins over the identity allow | {'Effect':'Allow','Action':'s3:*','Resource':'*'} | - | - | {'Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'arn:aws:s3:::b/*','Condition':{'Bool':{'aws:SecureTransport':'false'}}} | USER | s3:GetObject | arn:aws:s3:::b/k | aws:SecureTransport=false | EXPLICIT_DENY
            the resource policy deny does not apply when its condition fails | {'Effect':'Allow','Action':'s3:*','Resource':'*'} | - | - | {'Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'arn:aws:s3:::b/*','Condition':{'Bool':{'aws:SecureTransport':'false'}}} | USER | s3:GetObject | arn:aws:s3:::b/k | aws:SecureTransport=true | ALLOWED
            a resource statement for another principal does not apply | - | - | - | {'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:user/bob'},'Action':'s3:GetObject','Resource':'*'} | USER | s3:GetObject | arn:aws:s3:::b/k | - | IMPLICIT_DENY
            public grant with principal star | - | - | - | {'Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'} | USER | s3:GetObject | arn:aws:s3:::b/k | - | ALLOWED
            NotPrincipal deny spares the listed principal | {'Effect':'Allow','Action':'s3:*','Resource':'*'} | - | - | {'Effect':'Deny','NotPrincipal':{'AWS':'arn:aws:iam::111122223333:user/alice'},'Action':'s3:*','Resource':'*'} | USER | s3:GetObject | arn:aws:s3:::b/k | - | ALLOWED
            NotPrincipal deny hits everyone else | - | - | - | {'Effect':'Deny','NotPrincipal':{'AWS':'arn:aws:iam::111122223333:user/alice'},'Action':'s3:*','Resource':'*'},{'Effect':'Allow','Principal':'*','Action':'s3:*','Resource':'*'} | arn:aws:iam::111122223333:user/bob | s3:GetObject | arn:aws:s3:::b/k | - | EXPLICIT_DENY
            cross account: identity allow alone is not enough | {'Effect':'Allow','Action':'s3:GetObject','Resource':'*'} | - | - | - | OTHER | s3:GetObject | arn:aws:s3:::b/k | - | IMPLICIT_DENY
            cross account: resource policy alone is not enough | - | - | - | {'Effect':'Allow','Principal':{'AWS':'999988887777'},'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'} | OTHER | s3:GetObject | arn:aws:s3:::b/k | - | IMPLICIT_DENY
            cross account: both sides allow | {'Effect':'Allow','Action':'s3:GetObject','Resource':'*'} | - | - | {'Effect':'Allow','Principal':{'AWS':'999988887777'},'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'} | OTHER | s3:GetObject | arn:aws:s3:::b/k | - | ALLOWED
            cross account: the resource ARN names the owner | {'Effect':'Allow','Action':'sqs:SendMessage','Resource':'*'} | - | - | - | USER | sqs:SendMessage | arn:aws:sqs:eu-west-1:999988887777:q | - | IMPLICIT_DENY
            a service principal is allowed by the resource policy alone | - | - | - | {'Effect':'Allow','Principal':{'Service':'sns.amazonaws.com'},'Action':'sqs:SendMessage','Resource':'arn:aws:sqs:eu-west-1:111122223333:q','Condition':{'ArnEquals':{'aws:SourceArn':'arn:aws:sns:eu-west-1:111122223333:t'}}} | sns.amazonaws.com | sqs:SendMessage | arn:aws:sqs:eu-west-1:111122223333:q | aws:SourceArn=arn:aws:sns:eu-west-1:111122223333:t | ALLOWED
            a service principal with the wrong source ARN | - | - | - | {'Effect':'Allow','Principal':{'Service':'sns.amazonaws.com'},'Action':'sqs:SendMessage','Resource':'arn:aws:sqs:eu-west-1:111122223333:q','Condition':{'ArnEquals':{'aws:SourceArn':'arn:aws:sns:eu-west-1:111122223333:t'}}} | sns.amazonaws.com | sqs:SendMessage | arn:aws:sqs:eu-west-1:111122223333:q | aws:SourceArn=arn:aws:sns:eu-west-1:111122223333:evil | IMPLICIT_DENY
            revocation: deny for the revoked grant tag | {'Effect':'Allow','Action':'*','Resource':'*'},{'Effect':'Deny','Action':'*','Resource':'*','Condition':{'StringEquals':{'aws:PrincipalTag/accessloop:grant-id':'grt_1'}}} | - | - | - | SESSION | s3:GetObject | arn:aws:s3:::b/k | aws:PrincipalTag/accessloop:grant-id=grt_1 | EXPLICIT_DENY
            revocation: an overlapping grant keeps working | {'Effect':'Allow','Action':'*','Resource':'*'},{'Effect':'Deny','Action':'*','Resource':'*','Condition':{'StringEquals':{'aws:PrincipalTag/accessloop:grant-id':'grt_1'}}} | - | - | - | SESSION | s3:GetObject | arn:aws:s3:::b/k | aws:PrincipalTag/accessloop:grant-id=grt_2 | ALLOWED
            offboarding: deny sessions issued before the revocation | {'Effect':'Allow','Action':'*','Resource':'*'},{'Effect':'Deny','Action':'*','Resource':'*','Condition':{'StringEquals':{'aws:SourceIdentity':'alice@example.com'},'DateLessThan':{'aws:TokenIssueTime':'2026-03-01T10:00:00Z'}}} | - | - | - | SESSION | s3:GetObject | arn:aws:s3:::b/k | aws:SourceIdentity=alice@example.com;aws:TokenIssueTime=2026-03-01T09:59:00Z | EXPLICIT_DENY
            offboarding: another person is unaffected | {'Effect':'Allow','Action':'*','Resource':'*'},{'Effect':'Deny','Action':'*','Resource':'*','Condition':{'StringEquals':{'aws:SourceIdentity':'alice@example.com'},'DateLessThan':{'aws:TokenIssueTime':'2026-03-01T10:00:00Z'}}} | - | - | - | SESSION | s3:GetObject | arn:aws:s3:::b/k | aws:SourceIdentity=bob@example.com;aws:TokenIssueTime=2026-03-01T09:59:00Z | ALLOWED
            version 2008 documents do not substitute variables | VERSION2008 | - | - | - | USER | s3:GetObject | arn:aws:s3:::home/alice/k | aws:username=alice | IMPLICIT_DENY
            """;

    static Stream<Arguments> cases() {
        return CASES.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> Arrays.stream(line.split(" \\| ")).map(String::trim).toArray(String[]::new))
                .map(f -> Arguments.of((Object[]) f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluationFollowsAwsLogic(String rule, String identity, String boundary, String session, String resource,
            String principal, String action, String resourceArn, String ctx, String expected) {
        PolicySet.Builder set = PolicySet.builder();
        if (identity.equals("VERSION2008")) {
            set.identity(PolicyParser.parse("{\"Version\":\"2008-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                    + "\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::home/${aws:username}/*\"}}"));
        } else if (!identity.equals("-")) {
            for (String part : identity.split(" ## ")) {
                set.identity(doc(part, PolicyKind.IDENTITY));
            }
        }
        if (!boundary.equals("-")) {
            set.permissionsBoundary(doc(boundary, PolicyKind.IDENTITY));
        }
        if (!session.equals("-")) {
            set.session(doc(session, PolicyKind.SESSION));
        }
        if (!resource.equals("-")) {
            set.resource(doc(resource, PolicyKind.RESOURCE));
        }
        String caller = switch (principal) {
            case "USER" -> USER;
            case "SESSION" -> SESSION;
            case "OTHER" -> OTHER;
            default -> principal;
        };
        boolean ownerInArn = io.accessloop.iam.policy.Arn.tryParse(resourceArn).filter(a -> !a.account().isEmpty())
                .isPresent();
        if (!ownerInArn) {
            set.resourceAccount("111122223333");
        }
        AuthorizationRequest request = new AuthorizationRequest(caller, action, resourceArn,
                ConditionOperatorCasesTest.context(ctx));

        EvaluationResult result = PolicyEvaluator.evaluateExplained(request, set.build());

        assertThat(result.decision()).as(rule + " (" + result.reason() + ")").isEqualTo(Decision.valueOf(expected));
        if (result.decision() == Decision.EXPLICIT_DENY) {
            assertThat(result.denyingStatements()).isNotEmpty();
        }
    }

    private static io.accessloop.iam.policy.PolicyDocument doc(String statements, PolicyKind kind) {
        String json = ("{'Version':'2012-10-17','Statement':[" + statements + "]}").replace('\'', '"')
                .replace(", \"shared\"}", ", 'shared'}");
        return PolicyParser.parse(json, kind);
    }
}

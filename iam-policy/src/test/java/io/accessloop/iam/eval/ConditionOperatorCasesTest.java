package io.accessloop.iam.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.PolicyKind;
import io.accessloop.iam.policy.PolicyParser;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Condition operator semantics, one row per documented rule: an Allow of s3:GetObject on * guarded by one
 * condition, evaluated with the given context ({@code -} for none; {@code key=v1,v2;key2=v}). Policy values use
 * single quotes for JSON quotes.
 */
class ConditionOperatorCasesTest {

    private static final String CASES = """
            # rule | operator | key | policy values (JSON) | context | allowed
            StringEquals matches an exact value | StringEquals | aws:username | 'alice' | aws:username=alice | true
            StringEquals is case-sensitive | StringEquals | aws:username | 'alice' | aws:username=Alice | false
            StringEquals ORs the policy values | StringEquals | aws:username | ['bob','alice'] | aws:username=alice | true
            StringEquals with no value matching | StringEquals | aws:username | ['bob','carol'] | aws:username=alice | false
            StringEquals on an absent key is false | StringEquals | aws:username | 'alice' | - | false
            condition keys are case-insensitive | StringEquals | AWS:UserName | 'alice' | aws:username=alice | true
            StringEquals does not treat * as a wildcard | StringEquals | aws:username | 'a*' | aws:username=alice | false
            StringNotEquals true when the value differs | StringNotEquals | aws:username | 'bob' | aws:username=alice | true
            StringNotEquals false when the value is listed | StringNotEquals | aws:username | ['bob','alice'] | aws:username=alice | false
            StringNotEquals on an absent key is true | StringNotEquals | aws:username | 'bob' | - | true
            StringEqualsIgnoreCase ignores case | StringEqualsIgnoreCase | aws:username | 'ALICE' | aws:username=alice | true
            StringEqualsIgnoreCase needs equal text | StringEqualsIgnoreCase | aws:username | 'ALICE2' | aws:username=alice | false
            StringNotEqualsIgnoreCase false for a case variant | StringNotEqualsIgnoreCase | aws:username | 'ALICE' | aws:username=alice | false
            StringNotEqualsIgnoreCase true for another value | StringNotEqualsIgnoreCase | aws:username | 'bob' | aws:username=alice | true
            StringNotEqualsIgnoreCase on an absent key is true | StringNotEqualsIgnoreCase | aws:username | 'bob' | - | true
            StringLike star matches any run | StringLike | s3:prefix | 'home/*' | s3:prefix=home/alice/docs | true
            StringLike star matches the empty run | StringLike | s3:prefix | 'home/*' | s3:prefix=home/ | true
            StringLike question mark matches one character | StringLike | s3:prefix | 'v?' | s3:prefix=v2 | true
            StringLike question mark needs exactly one | StringLike | s3:prefix | 'v?' | s3:prefix=v10 | false
            StringLike is case-sensitive | StringLike | s3:prefix | 'home/*' | s3:prefix=HOME/a | false
            StringLike whole value must match | StringLike | s3:prefix | 'home' | s3:prefix=home/a | false
            StringLike on an absent key is false | StringLike | s3:prefix | '*' | - | false
            StringNotLike true when no pattern matches | StringNotLike | s3:prefix | ['tmp/*','cache/*'] | s3:prefix=home/a | true
            StringNotLike false when a pattern matches | StringNotLike | s3:prefix | ['tmp/*','home/*'] | s3:prefix=home/a | false
            StringNotLike on an absent key is true | StringNotLike | s3:prefix | 'tmp/*' | - | true
            StringEqualsIfExists true on an absent key | StringEqualsIfExists | ec2:InstanceType | 't3.micro' | - | true
            StringEqualsIfExists checks a present key | StringEqualsIfExists | ec2:InstanceType | 't3.micro' | ec2:InstanceType=m5.large | false
            StringEqualsIfExists matches a present key | StringEqualsIfExists | ec2:InstanceType | 't3.micro' | ec2:InstanceType=t3.micro | true
            StringLikeIfExists on an absent key | StringLikeIfExists | aws:SourceIdentity | '*@example.com' | - | true
            StringNotEqualsIfExists false on a listed value | StringNotEqualsIfExists | aws:username | 'alice' | aws:username=alice | false
            NumericEquals equal numbers | NumericEquals | s3:max-keys | '10' | s3:max-keys=10 | true
            NumericEquals compares numbers not text | NumericEquals | s3:max-keys | '10' | s3:max-keys=10.0 | true
            NumericEquals different numbers | NumericEquals | s3:max-keys | '10' | s3:max-keys=11 | false
            NumericEquals accepts a JSON number | NumericEquals | s3:max-keys | 10 | s3:max-keys=10 | true
            NumericNotEquals different numbers | NumericNotEquals | s3:max-keys | '10' | s3:max-keys=11 | true
            NumericNotEquals equal numbers | NumericNotEquals | s3:max-keys | '10' | s3:max-keys=10 | false
            NumericNotEquals on an absent key is true | NumericNotEquals | s3:max-keys | '10' | - | true
            NumericLessThan smaller request value | NumericLessThan | aws:MultiFactorAuthAge | '3600' | aws:MultiFactorAuthAge=100 | true
            NumericLessThan equal is not less | NumericLessThan | aws:MultiFactorAuthAge | '3600' | aws:MultiFactorAuthAge=3600 | false
            NumericLessThanEquals equal is enough | NumericLessThanEquals | aws:MultiFactorAuthAge | '3600' | aws:MultiFactorAuthAge=3600 | true
            NumericLessThanEquals larger fails | NumericLessThanEquals | aws:MultiFactorAuthAge | '3600' | aws:MultiFactorAuthAge=3601 | false
            NumericGreaterThan larger request value | NumericGreaterThan | s3:max-keys | '5' | s3:max-keys=6 | true
            NumericGreaterThan equal is not greater | NumericGreaterThan | s3:max-keys | '5' | s3:max-keys=5 | false
            NumericGreaterThanEquals equal is enough | NumericGreaterThanEquals | s3:max-keys | '5' | s3:max-keys=5 | true
            NumericGreaterThanEquals smaller fails | NumericGreaterThanEquals | s3:max-keys | '5' | s3:max-keys=4 | false
            Numeric on an absent key is false | NumericLessThan | aws:MultiFactorAuthAge | '3600' | - | false
            Numeric with a non-number request value is false | NumericEquals | s3:max-keys | '5' | s3:max-keys=five | false
            NumericLessThanIfExists on an absent key | NumericLessThanIfExists | aws:MultiFactorAuthAge | '3600' | - | true
            NumericLessThanIfExists on a present key | NumericLessThanIfExists | aws:MultiFactorAuthAge | '3600' | aws:MultiFactorAuthAge=7200 | false
            DateLessThan before the date | DateLessThan | aws:CurrentTime | '2026-06-30T00:00:00Z' | aws:CurrentTime=2026-01-01T12:00:00Z | true
            DateLessThan after the date | DateLessThan | aws:CurrentTime | '2026-06-30T00:00:00Z' | aws:CurrentTime=2026-07-01T00:00:00Z | false
            DateLessThan equal is not less | DateLessThan | aws:CurrentTime | '2026-06-30T00:00:00Z' | aws:CurrentTime=2026-06-30T00:00:00Z | false
            DateLessThanEquals equal is enough | DateLessThanEquals | aws:CurrentTime | '2026-06-30T00:00:00Z' | aws:CurrentTime=2026-06-30T00:00:00Z | true
            DateGreaterThan after the date | DateGreaterThan | aws:CurrentTime | '2026-01-01T00:00:00Z' | aws:CurrentTime=2026-01-02T00:00:00Z | true
            DateGreaterThan before the date | DateGreaterThan | aws:CurrentTime | '2026-01-01T00:00:00Z' | aws:CurrentTime=2025-12-31T23:59:59Z | false
            DateGreaterThanEquals equal is enough | DateGreaterThanEquals | aws:CurrentTime | '2026-01-01T00:00:00Z' | aws:CurrentTime=2026-01-01T00:00:00Z | true
            DateEquals compares instants across offsets | DateEquals | aws:CurrentTime | '2026-01-01T01:00:00+01:00' | aws:CurrentTime=2026-01-01T00:00:00Z | true
            DateNotEquals different instants | DateNotEquals | aws:CurrentTime | '2026-01-01T00:00:00Z' | aws:CurrentTime=2026-01-01T00:00:01Z | true
            DateNotEquals same instant | DateNotEquals | aws:CurrentTime | '2026-01-01T00:00:00Z' | aws:CurrentTime=2026-01-01T00:00:00Z | false
            Date accepts a plain date as midnight UTC | DateGreaterThanEquals | aws:CurrentTime | '2026-01-01' | aws:CurrentTime=2026-01-01T00:00:00Z | true
            Date accepts epoch seconds | DateLessThan | aws:EpochTime | '1767225600' | aws:EpochTime=1767225599 | true
            Date compares epoch with ISO values | DateLessThan | aws:TokenIssueTime | '2026-01-01T00:00:00Z' | aws:TokenIssueTime=1767225599 | true
            revocation deny: token issued before revocation | DateLessThan | aws:TokenIssueTime | '2026-03-01T10:00:00Z' | aws:TokenIssueTime=2026-03-01T09:00:00Z | true
            revocation deny: token issued after revocation | DateLessThan | aws:TokenIssueTime | '2026-03-01T10:00:00Z' | aws:TokenIssueTime=2026-03-01T11:00:00Z | false
            Date on an absent key is false | DateGreaterThan | aws:CurrentTime | '2026-01-01T00:00:00Z' | - | false
            DateLessThanIfExists on an absent key | DateLessThanIfExists | aws:TokenIssueTime | '2026-01-01T00:00:00Z' | - | true
            Date with an unparsable request value is false | DateLessThan | aws:CurrentTime | '2026-01-01T00:00:00Z' | aws:CurrentTime=yesterday | false
            Bool true matches true | Bool | aws:MultiFactorAuthPresent | 'true' | aws:MultiFactorAuthPresent=true | true
            Bool true does not match false | Bool | aws:MultiFactorAuthPresent | 'true' | aws:MultiFactorAuthPresent=false | false
            Bool accepts a JSON boolean | Bool | aws:SecureTransport | false | aws:SecureTransport=false | true
            Bool on an absent key is false | Bool | aws:MultiFactorAuthPresent | 'true' | - | false
            BoolIfExists false on an absent key is true | BoolIfExists | aws:MultiFactorAuthPresent | 'false' | - | true
            BoolIfExists false on true is false | BoolIfExists | aws:MultiFactorAuthPresent | 'false' | aws:MultiFactorAuthPresent=true | false
            Bool is case-insensitive on true and false | Bool | aws:SecureTransport | 'TRUE' | aws:SecureTransport=true | true
            BinaryEquals equal base64 bytes | BinaryEquals | s3:x-amz-key | 'QmluYXJ5VmFsdWU=' | s3:x-amz-key=QmluYXJ5VmFsdWU= | true
            BinaryEquals different bytes | BinaryEquals | s3:x-amz-key | 'QmluYXJ5VmFsdWU=' | s3:x-amz-key=T3RoZXI= | false
            BinaryEquals on an absent key is false | BinaryEquals | s3:x-amz-key | 'QmluYXJ5VmFsdWU=' | - | false
            BinaryEqualsIfExists on an absent key | BinaryEqualsIfExists | s3:x-amz-key | 'QmluYXJ5VmFsdWU=' | - | true
            IpAddress inside an IPv4 block | IpAddress | aws:SourceIp | '203.0.113.0/24' | aws:SourceIp=203.0.113.77 | true
            IpAddress outside an IPv4 block | IpAddress | aws:SourceIp | '203.0.113.0/24' | aws:SourceIp=203.0.114.1 | false
            IpAddress with a non-octet prefix | IpAddress | aws:SourceIp | '10.0.0.0/12' | aws:SourceIp=10.15.255.255 | true
            IpAddress just outside a non-octet prefix | IpAddress | aws:SourceIp | '10.0.0.0/12' | aws:SourceIp=10.16.0.0 | false
            IpAddress single address without prefix | IpAddress | aws:SourceIp | '198.51.100.7' | aws:SourceIp=198.51.100.7 | true
            IpAddress single address differs | IpAddress | aws:SourceIp | '198.51.100.7' | aws:SourceIp=198.51.100.8 | false
            IpAddress ORs several blocks | IpAddress | aws:SourceIp | ['192.0.2.0/24','203.0.113.0/24'] | aws:SourceIp=203.0.113.9 | true
            IpAddress inside an IPv6 block | IpAddress | aws:SourceIp | '2001:db8:1234::/48' | aws:SourceIp=2001:db8:1234:ffff::1 | true
            IpAddress outside an IPv6 block | IpAddress | aws:SourceIp | '2001:db8:1234::/48' | aws:SourceIp=2001:db8:1235::1 | false
            IpAddress IPv4 request never in an IPv6 block | IpAddress | aws:SourceIp | '2001:db8::/32' | aws:SourceIp=10.0.0.1 | false
            IpAddress /0 contains every IPv4 address | IpAddress | aws:SourceIp | '0.0.0.0/0' | aws:SourceIp=8.8.8.8 | true
            IpAddress on an absent key is false | IpAddress | aws:SourceIp | '10.0.0.0/8' | - | false
            IpAddress with a malformed request address is false | IpAddress | aws:SourceIp | '10.0.0.0/8' | aws:SourceIp=10.0.0.300 | false
            NotIpAddress outside the block | NotIpAddress | aws:SourceIp | '10.0.0.0/8' | aws:SourceIp=192.168.1.1 | true
            NotIpAddress inside the block | NotIpAddress | aws:SourceIp | '10.0.0.0/8' | aws:SourceIp=10.1.2.3 | false
            NotIpAddress on an absent key is true | NotIpAddress | aws:SourceIp | '10.0.0.0/8' | - | true
            IpAddressIfExists on an absent key | IpAddressIfExists | aws:SourceIp | '10.0.0.0/8' | - | true
            ArnEquals exact ARN | ArnEquals | aws:SourceArn | 'arn:aws:sns:eu-west-1:111122223333:topic' | aws:SourceArn=arn:aws:sns:eu-west-1:111122223333:topic | true
            ArnEquals other ARN | ArnEquals | aws:SourceArn | 'arn:aws:sns:eu-west-1:111122223333:topic' | aws:SourceArn=arn:aws:sns:eu-west-1:111122223333:other | false
            ArnLike wildcard in the region segment | ArnLike | aws:SourceArn | 'arn:aws:sns:*:111122223333:topic' | aws:SourceArn=arn:aws:sns:us-east-1:111122223333:topic | true
            ArnLike wildcard does not span segments | ArnLike | aws:PrincipalArn | 'arn:aws:iam::*' | aws:PrincipalArn=arn:aws:iam::111122223333:role/x | false
            ArnLike wildcard in the resource segment | ArnLike | aws:PrincipalArn | 'arn:aws:iam::111122223333:role/app-*' | aws:PrincipalArn=arn:aws:iam::111122223333:role/app-api | true
            ArnLike is case-sensitive | ArnLike | aws:PrincipalArn | 'arn:aws:iam::111122223333:role/App*' | aws:PrincipalArn=arn:aws:iam::111122223333:role/app-api | false
            ArnLike needs an ARN request value | ArnLike | aws:SourceArn | '*' | aws:SourceArn=not-an-arn | false
            ArnNotEquals other ARN | ArnNotEquals | aws:PrincipalArn | 'arn:aws:iam::111122223333:role/admin' | aws:PrincipalArn=arn:aws:iam::111122223333:role/app | true
            ArnNotEquals same ARN | ArnNotEquals | aws:PrincipalArn | 'arn:aws:iam::111122223333:role/admin' | aws:PrincipalArn=arn:aws:iam::111122223333:role/admin | false
            ArnNotLike outside the pattern | ArnNotLike | aws:PrincipalArn | 'arn:aws:iam::*:role/break-glass-*' | aws:PrincipalArn=arn:aws:iam::111122223333:role/app | true
            ArnNotLike inside the pattern | ArnNotLike | aws:PrincipalArn | 'arn:aws:iam::*:role/break-glass-*' | aws:PrincipalArn=arn:aws:iam::111122223333:role/break-glass-1 | false
            ArnNotLike on an absent key is true | ArnNotLike | aws:SourceArn | 'arn:aws:sns:*:*:*' | - | true
            ArnLikeIfExists on an absent key | ArnLikeIfExists | aws:SourceArn | 'arn:aws:sns:*:*:*' | - | true
            ArnEquals on an absent key is false | ArnEquals | aws:SourceArn | 'arn:aws:sns:eu-west-1:111122223333:topic' | - | false
            Null true when the key is absent | Null | aws:TokenIssueTime | 'true' | - | true
            Null true fails when the key is present | Null | aws:TokenIssueTime | 'true' | aws:TokenIssueTime=2026-01-01T00:00:00Z | false
            Null false when the key is present | Null | aws:TokenIssueTime | 'false' | aws:TokenIssueTime=2026-01-01T00:00:00Z | true
            Null false fails when the key is absent | Null | aws:TokenIssueTime | 'false' | - | false
            Null accepts a JSON boolean | Null | aws:SourceIdentity | true | - | true
            ForAnyValue:StringEquals one request value listed | ForAnyValue:StringEquals | aws:TagKeys | ['team','env'] | aws:TagKeys=cost,team | true
            ForAnyValue:StringEquals no request value listed | ForAnyValue:StringEquals | aws:TagKeys | ['team','env'] | aws:TagKeys=cost,owner | false
            ForAnyValue on an absent key is false | ForAnyValue:StringEquals | aws:TagKeys | ['team'] | - | false
            ForAllValues:StringEquals every request value listed | ForAllValues:StringEquals | aws:TagKeys | ['team','env'] | aws:TagKeys=env,team | true
            ForAllValues:StringEquals one request value not listed | ForAllValues:StringEquals | aws:TagKeys | ['team','env'] | aws:TagKeys=team,cost | false
            ForAllValues on an absent key is true | ForAllValues:StringEquals | aws:TagKeys | ['team'] | - | true
            ForAllValues:StringLike with patterns | ForAllValues:StringLike | aws:TagKeys | ['accessloop:*'] | aws:TagKeys=accessloop:grant-id,accessloop:request-id | true
            ForAllValues:StringLike one value outside | ForAllValues:StringLike | aws:TagKeys | ['accessloop:*'] | aws:TagKeys=accessloop:grant-id,team | false
            ForAnyValue:StringNotEquals some value unlisted | ForAnyValue:StringNotEquals | aws:TagKeys | ['team'] | aws:TagKeys=team,cost | true
            ForAnyValue:StringNotEquals every value listed | ForAnyValue:StringNotEquals | aws:TagKeys | ['team','cost'] | aws:TagKeys=team,cost | false
            ForAllValues:StringNotEquals no value listed | ForAllValues:StringNotEquals | aws:TagKeys | ['admin'] | aws:TagKeys=team,cost | true
            ForAllValues:StringNotEquals one value listed | ForAllValues:StringNotEquals | aws:TagKeys | ['admin'] | aws:TagKeys=team,admin | false
            ForAllValues:StringNotEquals on an absent key is true | ForAllValues:StringNotEquals | aws:TagKeys | ['admin'] | - | true
            ForAnyValue:StringNotEquals on an absent key is false | ForAnyValue:StringNotEquals | aws:TagKeys | ['admin'] | - | false
            ForAnyValue:StringEqualsIgnoreCase | ForAnyValue:StringEqualsIgnoreCase | aws:TagKeys | ['TEAM'] | aws:TagKeys=team | true
            ForAnyValue:IpAddress | ForAnyValue:IpAddress | aws:SourceIp | ['10.0.0.0/8'] | aws:SourceIp=192.168.0.1,10.0.0.1 | true
            ForAllValues:NumericLessThan | ForAllValues:NumericLessThan | app:sizes | ['100'] | app:sizes=1,99 | true
            ForAllValues:NumericLessThan one too large | ForAllValues:NumericLessThan | app:sizes | ['100'] | app:sizes=1,100 | false
            ForAnyValue:StringLikeIfExists on an absent key | ForAnyValue:StringLikeIfExists | aws:TagKeys | ['x*'] | - | true
            plain operator on a multi-valued key matches any value | StringEquals | aws:TagKeys | 'team' | aws:TagKeys=cost,team | true
            plain negated operator on a multi-valued key needs no match | StringNotEquals | aws:TagKeys | 'team' | aws:TagKeys=cost,team | false
            variable in a condition value | StringEquals | aws:PrincipalTag/team | '${aws:username}' | aws:username=red;aws:PrincipalTag/team=red | true
            variable in a condition value differs | StringEquals | aws:PrincipalTag/team | '${aws:username}' | aws:username=red;aws:PrincipalTag/team=blue | false
            unresolved variable matches nothing | StringEquals | aws:PrincipalTag/team | '${aws:username}' | aws:PrincipalTag/team=red | false
            unresolved variable uses its default | StringEquals | aws:PrincipalTag/team | '${aws:username, 'red'}' | aws:PrincipalTag/team=red | true
            tag variable in StringLike | StringLike | s3:prefix | 'teams/${aws:PrincipalTag/team}/*' | aws:PrincipalTag/team=red;s3:prefix=teams/red/a | true
            tag variable keeps other teams out | StringLike | s3:prefix | 'teams/${aws:PrincipalTag/team}/*' | aws:PrincipalTag/team=red;s3:prefix=teams/blue/a | false
            escaped star is a literal character | StringLike | s3:prefix | 'a${*}b' | s3:prefix=a*b | true
            escaped star is not a wildcard | StringLike | s3:prefix | 'a${*}b' | s3:prefix=axxb | false
            escaped question mark is literal | StringEquals | s3:prefix | 'why${?}' | s3:prefix=why? | true
            escaped dollar is literal | StringEquals | s3:prefix | 'cost${$}' | s3:prefix=cost$ | true
            source identity matches the offboarded person | StringEquals | aws:SourceIdentity | 'alice@example.com' | aws:SourceIdentity=alice@example.com | true
            grant id tag matches the revoked grant | StringEquals | aws:PrincipalTag/accessloop:grant-id | 'grt_1' | aws:PrincipalTag/accessloop:grant-id=grt_1 | true
            grant id tag of another grant | StringEquals | aws:PrincipalTag/accessloop:grant-id | 'grt_1' | aws:PrincipalTag/accessloop:grant-id=grt_2 | false
            sts:ExternalId equals the shared secret | StringEquals | sts:ExternalId | 'ext-123' | sts:ExternalId=ext-123 | true
            """;

    static Stream<Arguments> cases() {
        return CASES.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> Arrays.stream(line.split(" \\| ")).map(String::trim).toArray(String[]::new))
                .map(f -> Arguments.of(f[0], f[1], f[2], f[3], f[4], Boolean.parseBoolean(f[5])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void conditionOperatorFollowsIamSemantics(String rule, String operator, String key, String values,
            String context, boolean allowed) {
        String json = ("{'Version':'2012-10-17','Statement':{'Effect':'Allow','Action':'s3:GetObject','Resource':'*',"
                + "'Condition':{'" + operator + "':{'" + key + "':" + values + "}}}}").replace('\'', '"')
                .replace(", \"red\"}", ", 'red'}");
        PolicyDocument policy = PolicyParser.parse(json, PolicyKind.IDENTITY);
        AuthorizationRequest request = new AuthorizationRequest("arn:aws:iam::111122223333:user/alice",
                "s3:GetObject", "arn:aws:s3:::bucket/key", context(context));

        Decision decision = PolicyEvaluator.evaluate(request, PolicySet.ofIdentity(policy));

        assertThat(decision).as(rule).isEqualTo(allowed ? Decision.ALLOWED : Decision.IMPLICIT_DENY);
    }

    static RequestContext context(String spec) {
        RequestContext.Builder b = RequestContext.builder();
        if (!spec.equals("-")) {
            for (String pair : spec.split(";")) {
                int eq = pair.indexOf('=');
                b.put(pair.substring(0, eq), Arrays.asList(pair.substring(eq + 1).split(",")));
            }
        }
        return b.build();
    }
}

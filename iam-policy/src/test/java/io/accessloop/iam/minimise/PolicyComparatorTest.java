package io.accessloop.iam.minimise;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessloop.iam.eval.AuthorizationRequest;
import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.PolicyKind;
import io.accessloop.iam.policy.PolicyParser;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PolicyComparatorTest {

    private static PolicyDocument policy(String statements) {
        return PolicyParser.parse(("{'Version':'2012-10-17','Statement':[" + statements + "]}").replace('\'', '"'),
                PolicyKind.IDENTITY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "same policy|{'Effect':'Allow','Action':'s3:*','Resource':'*'}|{'Effect':'Allow','Action':'s3:*','Resource':'*'}|true",
        "narrower action|{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}|{'Effect':'Allow','Action':'s3:*','Resource':'*'}|true",
        "narrower action pattern|{'Effect':'Allow','Action':'s3:Get*','Resource':'*'}|{'Effect':'Allow','Action':'s3:*','Resource':'*'}|true",
        "action case does not matter|{'Effect':'Allow','Action':'S3:GETOBJECT','Resource':'*'}|{'Effect':'Allow','Action':'s3:get*','Resource':'*'}|true",
        "wider action|{'Effect':'Allow','Action':'s3:*','Resource':'*'}|{'Effect':'Allow','Action':'s3:Get*','Resource':'*'}|false",
        "question mark is narrower than star|{'Effect':'Allow','Action':'s3:?etObject','Resource':'*'}|{'Effect':'Allow','Action':'s3:*Object','Resource':'*'}|true",
        "star is not narrower than question mark|{'Effect':'Allow','Action':'s3:*etObject','Resource':'*'}|{'Effect':'Allow','Action':'s3:?etObject','Resource':'*'}|false",
        "other service|{'Effect':'Allow','Action':'ec2:DescribeInstances','Resource':'*'}|{'Effect':'Allow','Action':'s3:*','Resource':'*'}|false",
        "narrower resource|{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/reports/*'}|{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}|true",
        "wider resource|{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::*'}|{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}|false",
        "resources are case-sensitive|{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::B/k'}|{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}|false",
        "pieces covered by different statements|{'Effect':'Allow','Action':['s3:GetObject','sqs:SendMessage'],'Resource':'*'}|{'Effect':'Allow','Action':'s3:*','Resource':'*'},{'Effect':'Allow','Action':'sqs:*','Resource':'*'}|true",
        "a cross product wider than each statement|{'Effect':'Allow','Action':['s3:GetObject','s3:PutObject'],'Resource':['arn:aws:s3:::a/*','arn:aws:s3:::b/*']}|{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::a/*'},{'Effect':'Allow','Action':'s3:PutObject','Resource':'arn:aws:s3:::b/*'}|false",
        "dropping a deny widens|{'Effect':'Allow','Action':'s3:*','Resource':'*'}|{'Effect':'Allow','Action':'s3:*','Resource':'*'},{'Effect':'Deny','Action':'s3:Delete*','Resource':'*'}|false",
        "keeping the deny|{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'},{'Effect':'Deny','Action':'s3:Delete*','Resource':'*'}|{'Effect':'Allow','Action':'s3:*','Resource':'*'},{'Effect':'Deny','Action':'s3:Delete*','Resource':'*'}|true",
        "an added deny only narrows|{'Effect':'Allow','Action':'s3:*','Resource':'*'},{'Effect':'Deny','Action':'s3:PutObject','Resource':'*'}|{'Effect':'Allow','Action':'s3:*','Resource':'*'}|true",
        "dropping a condition widens|{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}|{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'}}}|false",
        "adding a condition narrows|{'Effect':'Allow','Action':'s3:GetObject','Resource':'*','Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'}}}|{'Effect':'Allow','Action':'s3:*','Resource':'*'}|true",
        "same condition kept|{'Effect':'Allow','Action':'s3:GetObject','Resource':'*','Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'}}}|{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'}}}|true",
        "a concrete action inside a NotAction statement|{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}|{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}|true",
        "an excluded action is not inside a NotAction statement|{'Effect':'Allow','Action':'iam:CreateUser','Resource':'*'}|{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}|false",
        "NotAction excluding more is narrower|{'Effect':'Allow','NotAction':['iam:*','organizations:*'],'Resource':'*'}|{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}|true",
        "NotAction excluding less is wider|{'Effect':'Allow','NotAction':'iam:Create*','Resource':'*'}|{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}|false",
        "a resource outside a NotResource statement|{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::public/k'}|{'Effect':'Allow','Action':'s3:*','NotResource':'arn:aws:s3:::secret/*'}|true",
        "a resource inside the NotResource|{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::secret/k'}|{'Effect':'Allow','Action':'s3:*','NotResource':'arn:aws:s3:::secret/*'}|false",
        "same variable resource|{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::home/${aws:username}/*'}|{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::home/${aws:username}/*'}|true",
        "a variable is not a wildcard|{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::home/*'}|{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::home/${aws:username}/*'}|false",
    })
    void subsetCheckAnswersAsExpected(String rule, String proposed, String current, boolean subset) {
        assertThat(PolicyComparator.isSubset(policy(proposed), policy(current))).as(rule).isEqualTo(subset);
    }

    @Test
    void actionsGrantedBeyondListsTheNewActions() {
        PolicyDocument before = policy("{'Effect':'Allow','Action':'s3:Get*','Resource':'*'}");
        PolicyDocument after = policy("{'Effect':'Allow','Action':['s3:GetObject','iam:PassRole','sqs:?eleteQueue'],"
                + "'Resource':'*'},{'Effect':'Deny','Action':'*','Resource':'*'}");

        assertThat(PolicyComparator.actionsGrantedBeyond(after, before))
                .containsExactly("iam:PassRole", "sqs:DeleteQueue");
        assertThat(PolicyComparator.actionsGrantedBeyond(before, before)).isEmpty();
        assertThat(PolicyComparator.actionsGrantedBeyond(policy("{'Effect':'Allow','NotAction':'s3:*','Resource':'*'}"),
                policy("{'Effect':'Allow','NotAction':['s3:*','iam:*'],'Resource':'*'}")))
                .isNotEmpty().allMatch(a -> a.startsWith("iam:"));
    }

    @Test
    void allowsAllReportsTheRequestsNotAllowed() {
        PolicyDocument doc = policy("{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}");
        AuthorizationRequest get = AuthorizationRequest.of("arn:aws:iam::111122223333:user/a", "s3:GetObject",
                "arn:aws:s3:::b/k");
        AuthorizationRequest put = get.withAction("s3:PutObject");

        assertThat(PolicyComparator.allowsAll(doc, Set.of(get))).isTrue();
        assertThat(PolicyComparator.allowsAll(doc, Set.of(get, put))).isFalse();
        assertThat(PolicyComparator.notAllowed(doc, Set.of(get, put))).containsExactly(put);
        assertThat(PolicyComparator.allowsAll(doc, Set.of())).isTrue();
    }
}

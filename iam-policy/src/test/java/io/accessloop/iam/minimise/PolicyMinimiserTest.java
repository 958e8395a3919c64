package io.accessloop.iam.minimise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.PolicyKind;
import io.accessloop.iam.policy.PolicyParser;
import io.accessloop.iam.policy.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyMinimiserTest {

    private static PolicyDocument policy(String statements) {
        return PolicyParser.parse(("{'Version':'2012-10-17','Statement':[" + statements + "]}").replace('\'', '"'),
                PolicyKind.IDENTITY);
    }

    private static final PolicyDocument BROAD = policy(
            "{'Effect':'Allow','Action':['s3:*','ec2:Describe*','sqs:*'],'Resource':'*'},"
                    + "{'Effect':'Allow','Action':'iam:PassRole','Resource':'arn:aws:iam::111122223333:role/app-*'},"
                    + "{'Effect':'Deny','Action':'s3:DeleteBucket','Resource':'*'}");

    @Test
    void keepsOnlyUsedActionsGroupedByServiceWithObservedResources() {
        Set<UsedPermission> used = Set.of(
                UsedPermission.of("s3:GetObject", "arn:aws:s3:::reports/q1.csv"),
                UsedPermission.of("s3:ListBucket", "arn:aws:s3:::reports"),
                UsedPermission.of("ec2:DescribeInstances", "*"));

        MinimisedPolicy result = PolicyMinimiser.minimise(BROAD, used, MinimiseOptions.defaults());

        assertThat(result.proven()).isTrue();
        PolicyDocument proposed = result.proposed();
        assertThat(proposed.statements()).extracting(Statement::sid)
                .containsExactly("AllowEc2", "AllowS3", "AllowIam", null);
        assertThat(proposed.statements().get(0).actions()).containsExactly("ec2:DescribeInstances");
        assertThat(proposed.statements().get(0).resources()).containsExactly("*");
        assertThat(proposed.statements().get(1).actions()).containsExactly("s3:GetObject", "s3:ListBucket");
        assertThat(proposed.statements().get(1).resources())
                .containsExactly("arn:aws:s3:::reports", "arn:aws:s3:::reports/q1.csv");
        assertThat(proposed.statements().get(2).actions()).containsExactly("iam:PassRole");
        assertThat(proposed.statements().get(2).resources()).containsExactly("arn:aws:iam::111122223333:role/app-*");
        assertThat(proposed.statements().get(3).actions()).containsExactly("s3:DeleteBucket");
        assertThat(result.exemptionsKept()).containsExactly("iam:PassRole");
        assertThat(result.removed()).extracting(RemovedPermission::action).contains("s3:*", "ec2:Describe*", "sqs:*");
        assertThat(result.removed()).filteredOn(r -> r.action().equals("sqs:*"))
                .allSatisfy(r -> assertThat(r.fullyRemoved()).isTrue());
        assertThat(PolicyParser.parse(proposed.toJson(), PolicyKind.IDENTITY)).isEqualTo(proposed);
    }

    @Test
    void passRoleIsNeverPrunedEvenWhenNothingWasUsed() {
        MinimisedPolicy result = PolicyMinimiser.minimise(BROAD, Set.of(), MinimiseOptions.defaults());

        assertThat(result.proposed().statements()).filteredOn(Statement::isAllow)
                .extracting(Statement::actions).containsExactly(List.of("iam:PassRole"));
        assertThat(result.proven()).isTrue();
    }

    @Test
    void aPolicyWithNothingUsedAndNothingExemptGrantsNothing() {
        PolicyDocument s3Only = policy("{'Effect':'Allow','Action':'s3:*','Resource':'*'}");

        MinimisedPolicy result = PolicyMinimiser.minimise(s3Only, Set.of(), MinimiseOptions.defaults());

        assertThat(result.grantsNothing()).isTrue();
        assertThat(result.changesAnything()).isTrue();
        assertThat(result.removed()).singleElement().satisfies(r -> assertThat(r.fullyRemoved()).isTrue());
    }

    @Test
    void exemptedActionsAreKeptWithTheirCurrentResources() {
        Set<UsedPermission> used = Set.of(UsedPermission.of("s3:GetObject", "arn:aws:s3:::reports/a"));
        MinimiseOptions options = MinimiseOptions.defaults().withExemptActions(Set.of("sqs:SendMessage"));

        MinimisedPolicy result = PolicyMinimiser.minimise(BROAD, used, options);

        assertThat(result.exemptionsKept()).contains("sqs:SendMessage", "iam:PassRole");
        assertThat(result.proposed().statements()).anySatisfy(s -> {
            assertThat(s.actions()).containsExactly("sqs:SendMessage");
            assertThat(s.resources()).containsExactly("*");
        });
        assertThat(result.proven()).isTrue();
    }

    @Test
    void actionLevelEvidenceKeepsTheCurrentResources() {
        PolicyDocument current = policy("{'Effect':'Allow','Action':['dynamodb:*'],"
                + "'Resource':'arn:aws:dynamodb:eu-west-1:111122223333:table/orders'}");

        MinimisedPolicy result = PolicyMinimiser.minimise(current, Set.of(UsedPermission.of("dynamodb:GetItem"),
                UsedPermission.of("DynamoDB:query")), MinimiseOptions.defaults());

        Statement kept = result.proposed().statements().get(0);
        assertThat(kept.actions()).containsExactly("dynamodb:GetItem", "dynamodb:Query");
        assertThat(kept.resources()).containsExactly("arn:aws:dynamodb:eu-west-1:111122223333:table/orders");
        assertThat(result.proven()).isTrue();
    }

    @Test
    void manyObjectsAreSummarisedByAPrefixNoWiderThanTheCurrentPolicy() {
        PolicyDocument current = policy("{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::data/*'}");
        Set<UsedPermission> used = new LinkedHashSet<>();
        for (int i = 0; i < 20; i++) {
            used.add(UsedPermission.of("s3:GetObject", "arn:aws:s3:::data/exports/2026/file-" + i + ".csv"));
        }

        MinimisedPolicy result = PolicyMinimiser.minimise(current, used, MinimiseOptions.defaults());

        assertThat(result.proposed().statements().get(0).resources())
                .containsExactly("arn:aws:s3:::data/exports/2026/*");
        assertThat(result.proven()).isTrue();
    }

    @Test
    void conditionsOfTheCurrentStatementAreKeptVerbatim() {
        PolicyDocument current = policy("{'Effect':'Allow','Action':'s3:*','Resource':'*',"
                + "'Condition':{'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}}}");

        MinimisedPolicy result = PolicyMinimiser.minimise(current,
                Set.of(UsedPermission.of("s3:PutObject", "arn:aws:s3:::b/k")), MinimiseOptions.defaults());

        assertThat(result.proposed().statements().get(0).conditions()).isEqualTo(current.statements().get(0).conditions());
        assertThat(result.proven()).isTrue();
    }

    @Test
    void usageTheCurrentPolicyDoesNotGrantIsReportedNotAdded() {
        Set<UsedPermission> used = Set.of(UsedPermission.of("kms:Decrypt", "arn:aws:kms:eu-west-1:111122223333:key/k"),
                UsedPermission.of("s3:DeleteBucket", "arn:aws:s3:::reports"));

        MinimisedPolicy result = PolicyMinimiser.minimise(BROAD, used, MinimiseOptions.defaults());

        assertThat(result.notGrantedByCurrent()).containsExactlyInAnyOrderElementsOf(used);
        assertThat(result.proposed().statements()).noneSatisfy(s -> assertThat(s.actions()).contains("kms:Decrypt"));
        assertThat(result.proven()).isTrue();
    }

    @Test
    void variablesInResourcesAreKeptRatherThanReplacedByOnePersonsArns() {
        PolicyDocument current = policy("{'Effect':'Allow','Action':'s3:*',"
                + "'Resource':'arn:aws:s3:::home/${aws:username}/*'}");

        MinimisedPolicy result = PolicyMinimiser.minimise(current,
                Set.of(UsedPermission.of("s3:GetObject", "arn:aws:s3:::home/alice/a")), MinimiseOptions.defaults());

        assertThat(result.proposed().statements().get(0).resources())
                .containsExactly("arn:aws:s3:::home/${aws:username}/*");
        assertThat(result.proposed().statements().get(0).actions()).containsExactly("s3:GetObject");
        assertThat(result.subsetOfCurrent()).isTrue();
    }

    @Test
    void notActionStatementsAreRestrictedToUsedActions() {
        PolicyDocument current = policy("{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}");

        MinimisedPolicy result = PolicyMinimiser.minimise(current,
                Set.of(UsedPermission.of("logs:PutLogEvents", "arn:aws:logs:eu-west-1:111122223333:log-group:a:*")),
                MinimiseOptions.defaults());

        assertThat(result.proposed().statements().get(0).actions()).containsExactly("logs:PutLogEvents");
        assertThat(result.removed()).singleElement()
                .satisfies(r -> assertThat(r.action()).isEqualTo("NotAction:[iam:*]"));
        assertThat(result.proven()).isTrue();
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> UsedPermission.of("GetObject", "*")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MinimiseOptions.defaults().withMaxResourcesPerStatement(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new MinimiseOptions(Set.of(), Set.of(), 5, true).neverPrune()).contains("iam:PassRole");
    }
}

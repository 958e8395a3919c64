package io.accessloop.iam.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.PolicyKind;
import io.accessloop.iam.policy.PolicyParser;
import org.junit.jupiter.api.Test;

class TrustEvaluatorTest {

    private static final String ROLE = "arn:aws:iam::111122223333:role/deployer";
    private static final String BROKER = "arn:aws:iam::111122223333:role/accessloop-broker";
    private static final String BROKER_SESSION = "arn:aws:sts::111122223333:assumed-role/accessloop-broker/i-1";

    private static PolicyDocument trust(String statements) {
        return PolicyParser.parse(("{'Version':'2012-10-17','Statement':[" + statements + "]}").replace('\'', '"'),
                PolicyKind.TRUST);
    }

    private static final PolicyDocument BROKER_TRUST = trust(
            "{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:role/accessloop-broker'},"
                    + "'Action':['sts:AssumeRole','sts:SetSourceIdentity','sts:TagSession'],"
                    + "'Condition':{'StringLike':{'sts:SourceIdentity':'*@example.com'}}}");

    @Test
    void brokerSessionMayAssumeSetSourceIdentityAndTag() {
        RequestContext ctx = RequestContext.builder()
                .put("sts:SourceIdentity", "alice@example.com")
                .put("aws:PrincipalArn", BROKER)
                .build();

        TrustDecision decision = TrustEvaluator.assumeRole(BROKER_TRUST, ROLE, BROKER_SESSION, ctx, null, true, true);

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.refusal()).isNull();
        assertThat(decision.assumeRole().allowingStatements()).extracting(MatchedStatement::policyType)
                .containsOnly(PolicyType.RESOURCE);
    }

    @Test
    void sourceIdentityOutsideTheConditionIsRefused() {
        RequestContext ctx = RequestContext.builder().put("sts:SourceIdentity", "mallory@evil.test").build();

        TrustDecision decision = TrustEvaluator.assumeRole(BROKER_TRUST, ROLE, BROKER_SESSION, ctx, null, true, false);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.refusal().decision()).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void trustWithoutSetSourceIdentityRefusesCallsThatSetIt() {
        PolicyDocument onlyAssume = trust("{'Effect':'Allow','Principal':{'AWS':'" + BROKER + "'},"
                + "'Action':'sts:AssumeRole'}");

        TrustDecision plain = TrustEvaluator.assumeRole(onlyAssume, ROLE, BROKER_SESSION, RequestContext.empty(),
                null, false, false);
        TrustDecision withSource = TrustEvaluator.assumeRole(onlyAssume, ROLE, BROKER_SESSION,
                RequestContext.empty(), null, true, false);

        assertThat(plain.allowed()).isTrue();
        assertThat(withSource.allowed()).isFalse();
        assertThat(withSource.refusal()).isSameAs(withSource.setSourceIdentity());
        assertThat(TrustEvaluator.missingBrokerActions(onlyAssume, ROLE, BROKER, RequestContext.empty()))
                .containsExactly("sts:SetSourceIdentity", "sts:TagSession");
        assertThat(TrustEvaluator.missingBrokerActions(BROKER_TRUST, ROLE, BROKER,
                RequestContext.builder().put("sts:SourceIdentity", "a@example.com").build())).isEmpty();
    }

    @Test
    void trustNamingTheAccountNeedsTheCallersIdentityPolicy() {
        PolicyDocument accountTrust = trust("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:root'},"
                + "'Action':'sts:AssumeRole'}");
        String user = "arn:aws:iam::111122223333:user/alice";
        PolicySet mayAssume = PolicySet.ofIdentity(PolicyParser.parse(("{'Version':'2012-10-17','Statement':"
                + "{'Effect':'Allow','Action':'sts:AssumeRole','Resource':'" + ROLE + "'}}").replace('\'', '"')));

        assertThat(TrustEvaluator.evaluate(accountTrust, ROLE, user, "sts:AssumeRole", RequestContext.empty(), null)
                .decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(TrustEvaluator.evaluate(accountTrust, ROLE, user, "sts:AssumeRole", RequestContext.empty(),
                mayAssume).decision()).isEqualTo(Decision.ALLOWED);
        assertThat(TrustEvaluator.trustPolicyPermits(accountTrust, ROLE, user, "sts:AssumeRole",
                RequestContext.empty())).isTrue();
    }

    @Test
    void identityPolicyCannotStandInForTheTrustPolicysOwnGrantOfSourceIdentityAndTags() {
        PolicyDocument accountTrust = trust("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:root'},"
                + "'Action':'sts:AssumeRole'}");
        String user = "arn:aws:iam::111122223333:user/alice";
        PolicySet mayDoAllSts = PolicySet.ofIdentity(PolicyParser.parse(("{'Version':'2012-10-17','Statement':"
                + "{'Effect':'Allow','Action':'sts:*','Resource':'*'}}").replace('\'', '"')));

        TrustDecision plain = TrustEvaluator.assumeRole(accountTrust, ROLE, user, RequestContext.empty(), mayDoAllSts,
                false, false);
        TrustDecision withSourceAndTags = TrustEvaluator.assumeRole(accountTrust, ROLE, user,
                RequestContext.builder().put("sts:SourceIdentity", "alice@example.com").build(), mayDoAllSts,
                true, true);

        assertThat(plain.allowed()).isTrue();
        assertThat(withSourceAndTags.allowed()).isFalse();
        assertThat(withSourceAndTags.setSourceIdentity().isAllowed()).isFalse();
        assertThat(withSourceAndTags.setSourceIdentity().reason()).contains("does not grant sts:SetSourceIdentity");
        assertThat(withSourceAndTags.tagSession().isAllowed()).isFalse();
    }

    @Test
    void crossAccountCallerNeedsBothSides() {
        PolicyDocument crossTrust = trust("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::999988887777:root'},"
                + "'Action':'sts:AssumeRole','Condition':{'StringEquals':{'sts:ExternalId':'ext-1'}}}");
        String other = "arn:aws:iam::999988887777:user/ci";
        PolicySet otherPolicies = PolicySet.ofIdentity(PolicyParser.parse(("{'Version':'2012-10-17','Statement':"
                + "{'Effect':'Allow','Action':'sts:AssumeRole','Resource':'*'}}").replace('\'', '"')));
        RequestContext withId = RequestContext.builder().put("sts:ExternalId", "ext-1").build();
        RequestContext wrongId = RequestContext.builder().put("sts:ExternalId", "ext-2").build();

        assertThat(TrustEvaluator.evaluate(crossTrust, ROLE, other, "sts:AssumeRole", withId, otherPolicies)
                .isAllowed()).isTrue();
        assertThat(TrustEvaluator.evaluate(crossTrust, ROLE, other, "sts:AssumeRole", wrongId, otherPolicies)
                .isAllowed()).isFalse();
        assertThat(TrustEvaluator.evaluate(crossTrust, ROLE, other, "sts:AssumeRole", withId, null)
                .isAllowed()).isFalse();
    }

    @Test
    void serviceTrustAdmitsOnlyThatService() {
        PolicyDocument ec2 = trust("{'Effect':'Allow','Principal':{'Service':'ec2.amazonaws.com'},"
                + "'Action':'sts:AssumeRole'}");

        assertThat(TrustEvaluator.evaluate(ec2, ROLE, "ec2.amazonaws.com", "sts:AssumeRole", RequestContext.empty(),
                null).isAllowed()).isTrue();
        assertThat(TrustEvaluator.evaluate(ec2, ROLE, "lambda.amazonaws.com", "sts:AssumeRole",
                RequestContext.empty(), null).isAllowed()).isFalse();
    }

    @Test
    void explicitDenyInTrustPolicyWins() {
        PolicyDocument denying = trust("{'Effect':'Allow','Principal':{'AWS':'" + BROKER + "'},'Action':'sts:*'},"
                + "{'Effect':'Deny','Principal':'*','Action':'sts:TagSession'}");

        TrustDecision decision = TrustEvaluator.assumeRole(denying, ROLE, BROKER_SESSION, RequestContext.empty(),
                null, false, true);

        assertThat(decision.assumeRole().isAllowed()).isTrue();
        assertThat(decision.tagSession().decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(TrustEvaluator.trustPolicyPermits(denying, ROLE, BROKER, "sts:TagSession",
                RequestContext.empty())).isFalse();
    }
}

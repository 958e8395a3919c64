package io.accessloop.iam.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessloop.iam.policy.Effect;
import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.Statement;
import org.junit.jupiter.api.Test;

class ExplanationTest {

    private static final AuthorizationRequest GET = AuthorizationRequest.of("arn:aws:iam::111122223333:user/alice",
            "s3:GetObject", "arn:aws:s3:::reports/q1.csv");

    @Test
    void anAllowNamesThePolicyAndStatement() {
        PolicySet set = PolicySet.builder()
                .identity("reports-read", PolicyDocument.of(
                        Statement.allow().sid("Other").actions("ec2:*").resources("*").build(),
                        Statement.allow().sid("ReadReports").actions("s3:GetObject").resources("arn:aws:s3:::reports/*")
                                .build()))
                .build();

        EvaluationResult result = PolicyEvaluator.evaluateExplained(GET, set);

        assertThat(result.decision()).isEqualTo(Decision.ALLOWED);
        assertThat(result.allowingStatements()).containsExactly(
                new MatchedStatement(PolicyType.IDENTITY, "reports-read", 1, "ReadReports", Effect.ALLOW));
        assertThat(result.allowingStatements().get(0).describe())
                .isEqualTo("identity policy reports-read, statement #2 (Sid ReadReports): Allow");
    }

    @Test
    void anExplicitDenyNamesOnlyTheDenyingStatements() {
        PolicySet set = PolicySet.builder()
                .identity("admin", PolicyDocument.of(Statement.allow().actions("*").resources("*").build()))
                .identity("accessloop-revocations", PolicyDocument.of(
                        Statement.deny().sid("RevokeGrt1").actions("*").resources("*").build()))
                .build();

        EvaluationResult result = PolicyEvaluator.evaluateExplained(GET, set);

        assertThat(result.decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(result.matchedStatements()).extracting(MatchedStatement::sid).containsExactly("RevokeGrt1");
        assertThat(result.reason()).contains("accessloop-revocations").contains("RevokeGrt1");
    }

    @Test
    void anImplicitDenySaysWhichLimitRefused() {
        PolicySet set = PolicySet.builder()
                .identity(PolicyDocument.of(Statement.allow().actions("s3:*").resources("*").build()))
                .permissionsBoundary(PolicyDocument.of(Statement.allow().actions("ec2:*").resources("*").build()))
                .build();

        EvaluationResult result = PolicyEvaluator.evaluateExplained(GET, set);

        assertThat(result.decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(result.reason()).contains("permissions boundary");
        assertThat(PolicyEvaluator.evaluateExplained(GET, PolicySet.builder().build()).reason())
                .contains("no policy allows");
    }
}

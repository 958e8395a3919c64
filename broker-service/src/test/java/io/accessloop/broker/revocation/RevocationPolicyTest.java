package io.accessloop.broker.revocation;

import io.accessloop.broker.revocation.domain.RevocationEntry;
import io.accessloop.broker.revocation.domain.RevocationPolicy;
import io.accessloop.iam.eval.AuthorizationRequest;
import io.accessloop.iam.eval.Decision;
import io.accessloop.iam.eval.PolicyEvaluator;
import io.accessloop.iam.eval.PolicySet;
import io.accessloop.iam.eval.RequestContext;
import io.accessloop.iam.policy.PolicyKind;
import io.accessloop.iam.policy.PolicyParser;
import io.accessloop.iam.policy.PolicySizeLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RevocationPolicyTest {

    private static final Instant T = Instant.parse("2026-12-04T10:00:00.400Z");
    private static final String ROLE = "arn:aws:sts::000000000000:assumed-role/prod/alice";
    private static final String ALLOW_ALL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"*\",\"Resource\":\"*\"}]}";

    private static RevocationEntry grant(String id) {
        return new RevocationEntry(RevocationEntry.Kind.GRANT, id, T, T.plus(Duration.ofHours(1)));
    }

    private static Decision decide(RevocationPolicy policy, RequestContext context) {
        PolicySet set = PolicySet.builder()
                .identity("role", PolicyParser.parse(ALLOW_ALL))
                .identity("accessloop-revocations", PolicyParser.parse(policy.toJson(), PolicyKind.IDENTITY))
                .build();
        return PolicyEvaluator.evaluate(new AuthorizationRequest(ROLE, "s3:GetObject", "arn:aws:s3:::b/k", context), set);
    }

    private static RequestContext session(String grantId, String sourceIdentity, Instant issued) {
        return RequestContext.builder()
                .putTags("aws:PrincipalTag/", java.util.Map.of("accessloop:grant-id", grantId))
                .put("aws:SourceIdentity", sourceIdentity)
                .put("aws:TokenIssueTime", issued)
                .build();
    }

    @Test
    void aRevokedGrantIsDeniedWhileAnOverlappingGrantOfTheSamePersonIsNot() {
        RevocationPolicy policy = new RevocationPolicy(List.of(grant("grt_A"), grant("grt_C")));

        assertThat(decide(policy, session("grt_A", "alice@example.com", T.minusSeconds(60))))
                .isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(decide(policy, session("grt_B", "alice@example.com", T.minusSeconds(60))))
                .isEqualTo(Decision.ALLOWED);
        assertThat(policy.toJson()).containsOnlyOnce("accessloop:grant-id");
    }

    @Test
    void aPersonDenyCatchesSessionsIssuedBeforeTheRevocationOnly() {
        RevocationPolicy policy = new RevocationPolicy(List.of(new RevocationEntry(RevocationEntry.Kind.IDENTITY,
                "alice@example.com", T, T.plus(Duration.ofHours(1)))));

        assertThat(decide(policy, session("grt_A", "alice@example.com", T.minusMillis(300))))
                .isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(decide(policy, session("grt_A", "bob@example.com", T.minusSeconds(60))))
                .isEqualTo(Decision.ALLOWED);
        assertThat(decide(policy, session("grt_A", "alice@example.com", T.plusSeconds(5))))
                .isEqualTo(Decision.ALLOWED);
    }

    @Test
    void entriesArePrunedOnceNoLiveSessionCanMatch() {
        RevocationEntry old = new RevocationEntry(RevocationEntry.Kind.GRANT, "grt_old", T.minus(Duration.ofHours(2)),
                T.minus(Duration.ofHours(1)));
        RevocationPolicy policy = new RevocationPolicy(List.of(old, grant("grt_new"))).pruned(T);

        assertThat(policy.entries()).extracting(RevocationEntry::subject).containsExactly("grt_new");
        assertThat(new RevocationPolicy(List.of(old)).pruned(T).isEmpty()).isTrue();
    }

    @Test
    void aPolicyThatWouldBreakTheInlineQuotaIsCompactedIntoARoleWideDeny() {
        List<RevocationEntry> many = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            many.add(grant("grt_01JABCD2EFGH3JKMN4PQRS" + String.format("%04d", i)));
        }
        RevocationPolicy full = new RevocationPolicy(many);
        assertThat(full.fits(0)).isFalse();

        RevocationPolicy fitted = full.fitted(500, T);

        assertThat(fitted.entries()).singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(RevocationEntry.Kind.ROLE));
        assertThat(PolicySizeLimits.countedCharacters(fitted.toJson()) + 500)
                .isLessThanOrEqualTo(RevocationPolicy.ROLE_INLINE_LIMIT);
        assertThat(decide(fitted, session("grt_anything", "bob@example.com", T.minusSeconds(1))))
                .isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(decide(fitted, session("grt_anything", "bob@example.com", T.plusSeconds(2))))
                .isEqualTo(Decision.ALLOWED);
    }

    @Test
    void aPolicyThatFitsIsKeptAsIs() {
        RevocationPolicy policy = new RevocationPolicy(List.of(grant("grt_A")));
        assertThat(policy.fitted(9000, T)).isSameAs(policy);
        assertThat(policy.fitted(10_200, T)).isNotSameAs(policy);
    }
}

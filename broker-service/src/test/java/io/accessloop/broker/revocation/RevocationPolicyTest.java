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
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

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

    private static List<RevocationEntry> revoked(int count) {
        List<RevocationEntry> many = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            many.add(grant("grt_01JABCD2EFGH3JKMN4PQRS" + String.format("%04d", i)));
        }
        return many;
    }

    private static RequestContext untagged(Instant issued) {
        return RequestContext.builder().put("aws:SourceIdentity", "robot@example.com")
                .put("aws:TokenIssueTime", issued).build();
    }

    @Test
    void aCompactedDenySparesTheGrantsStillLiveOnTheRole() {
        RevocationPolicy fitted = new RevocationPolicy(revoked(400)).fitted(500, T,
                List.of("grt_LIVE2", "grt_LIVE1", "grt_LIVE1"));

        assertThat(fitted.roleWide()).isTrue();
        assertThat(fitted.sparedGrants()).isEqualTo(2);
        assertThat(fitted.characters() + 500).isLessThanOrEqualTo(RevocationPolicy.ROLE_INLINE_LIMIT);
        assertThat(fitted.toJson()).contains("StringNotEquals").contains("\"grt_LIVE1\",\"grt_LIVE2\"")
                .doesNotContain("grt_01JABCD2EFGH3JKMN4PQRS0001");
        assertThat(decide(fitted, session("grt_LIVE1", "carol@example.com", T.minusSeconds(600))))
                .isEqualTo(Decision.ALLOWED);
        assertThat(decide(fitted, session("grt_LIVE2", "carol@example.com", T.minusSeconds(1))))
                .isEqualTo(Decision.ALLOWED);
        assertThat(decide(fitted, session("grt_01JABCD2EFGH3JKMN4PQRS0001", "bob@example.com", T.minusSeconds(1))))
                .isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(decide(fitted, untagged(T.minusSeconds(1)))).as("a session without the grant tag")
                .isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(decide(fitted, session("grt_LATER", "dave@example.com", T.plusSeconds(2))))
                .as("a grant activated after the compaction").isEqualTo(Decision.ALLOWED);
    }

    @Test
    void whenEvenTheLiveGrantsDoNotFitEverySessionBeforeTheCompactionIsDenied() {
        List<String> live = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            live.add("grt_01JLIVE0000000000000000" + String.format("%04d", i));
        }
        RevocationPolicy fitted = new RevocationPolicy(revoked(400)).fitted(500, T, live);

        assertThat(fitted.entries()).singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(RevocationEntry.Kind.ROLE));
        assertThat(fitted.sparedGrants()).isZero();
        assertThat(decide(fitted, session("grt_01JLIVE00000000000000000001", "carol@example.com", T.minusSeconds(1))))
                .isEqualTo(Decision.EXPLICIT_DENY);
    }

    @Test
    void aSparedGrantRevokedLaterIsDeniedByItsOwnEntry() {
        RevocationPolicy compacted = new RevocationPolicy(revoked(400)).fitted(500, T, List.of("grt_LIVE1", "grt_LIVE2"));
        List<RevocationEntry> later = new ArrayList<>(compacted.entries());
        later.add(new RevocationEntry(RevocationEntry.Kind.GRANT, "grt_LIVE1", T.plusSeconds(60),
                T.plusSeconds(3660)));
        RevocationPolicy policy = new RevocationPolicy(later);

        assertThat(policy.fits(500)).isTrue();
        assertThat(decide(policy, session("grt_LIVE1", "carol@example.com", T.minusSeconds(60))))
                .isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(decide(policy, session("grt_LIVE1", "carol@example.com", T.plusSeconds(30))))
                .isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(decide(policy, session("grt_LIVE2", "carol@example.com", T.minusSeconds(60))))
                .isEqualTo(Decision.ALLOWED);
    }

    @Test
    void aSecondCompactionReplacesTheSparedListWithTheGrantsLiveThen() {
        Instant t2 = T.plus(Duration.ofMinutes(30));
        List<RevocationEntry> entries = new ArrayList<>(new RevocationPolicy(revoked(400))
                .fitted(500, T, List.of("grt_LIVE1", "grt_LIVE2")).entries());
        for (int i = 0; i < 400; i++) {
            entries.add(new RevocationEntry(RevocationEntry.Kind.GRANT, "grt_01JABCD2EFGH3JKMN4PQRT" + String.format("%04d", i),
                    t2.minusSeconds(5), t2.plus(Duration.ofHours(1))));
        }

        RevocationPolicy again = new RevocationPolicy(entries).fitted(500, t2, List.of("grt_LIVE2", "grt_NEW"));

        assertThat(again.entries()).filteredOn(e -> e.kind() == RevocationEntry.Kind.ROLE).singleElement()
                .satisfies(e -> assertThat(e.revokedAt()).isEqualTo(t2));
        assertThat(again.entries()).filteredOn(e -> e.kind() == RevocationEntry.Kind.LIVE_GRANT)
                .extracting(RevocationEntry::subject).containsExactly("grt_LIVE2", "grt_NEW");
        assertThat(again.entries()).allSatisfy(e -> assertThat(e.pruneAfter()).isEqualTo(t2.plus(Duration.ofHours(1))));
        assertThat(decide(again, session("grt_NEW", "dave@example.com", T.plusSeconds(60)))).isEqualTo(Decision.ALLOWED);
        assertThat(decide(again, session("grt_LIVE1", "carol@example.com", T.minusSeconds(60))))
                .as("ended between the compactions").isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(again.pruned(t2.plus(Duration.ofHours(1))).isEmpty()).isTrue();
    }

    @Test
    void aCompactedPolicyFitsAndDeniesOnlyWhatItMustForAnyNumberOfRevokedAndLiveGrants() {
        qt().withExamples(60)
                .forAll(integers().between(0, 900), integers().between(0, 400), integers().between(0, 9000))
                .checkAssert((revokedCount, liveCount, other) -> {
                    List<String> live = new ArrayList<>();
                    for (int i = 0; i < liveCount; i++) {
                        live.add("grt_01JLIVE0000000000000000" + String.format("%04d", i));
                    }
                    RevocationPolicy policy = new RevocationPolicy(revoked(revokedCount));
                    RevocationPolicy fitted = policy.fitted(other, T, live);
                    if (policy.fits(other)) {
                        assertThat(fitted).isSameAs(policy);
                        return;
                    }
                    assertThat(fitted.characters() + other).isLessThanOrEqualTo(RevocationPolicy.ROLE_INLINE_LIMIT);
                    assertThat(fitted.sparedGrants()).isIn(0L, (long) liveCount);
                    if (revokedCount > 0) {
                        assertThat(decide(fitted, session("grt_01JABCD2EFGH3JKMN4PQRS0000", "bob@example.com",
                                T.minusSeconds(1)))).isEqualTo(Decision.EXPLICIT_DENY);
                    }
                    if (liveCount > 0) {
                        assertThat(decide(fitted, session(live.get(liveCount - 1), "carol@example.com",
                                T.minusSeconds(1)))).isEqualTo(fitted.sparedGrants() > 0 ? Decision.ALLOWED
                                : Decision.EXPLICIT_DENY);
                    }
                });
    }
}

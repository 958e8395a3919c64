package io.accessloop.lifecycle.expiry;

import io.accessloop.lifecycle.expiry.domain.DueGrant;
import io.accessloop.lifecycle.expiry.domain.RevokeBatches;
import io.accessloop.lifecycle.expiry.domain.RevokeBatches.RevokeBatch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

class RevokeBatchesTest {

    private static final String A = "arn:aws:iam::123456789012:role/a";
    private static final String B = "arn:aws:iam::123456789012:role/b";

    @Test
    void grantsAreGroupedByRoleAndSplitAtTheLimitInClaimOrder() {
        List<DueGrant> claimed = List.of(grant(1, A), grant(2, B), grant(3, A), grant(4, null), grant(5, A),
                grant(6, B));

        List<RevokeBatch> batches = RevokeBatches.of(claimed, 2);

        assertThat(batches).extracting(RevokeBatch::roleArn).containsExactly(A, A, B, null);
        assertThat(batches).extracting(RevokeBatch::grantIds).containsExactly(
                List.of("grt_1", "grt_3"), List.of("grt_5"), List.of("grt_2", "grt_6"), List.of("grt_4"));
    }

    @Test
    void aGrantClaimedTwiceIsInOneBatchOnly() {
        assertThat(RevokeBatches.of(List.of(grant(1, A), grant(1, A), grant(2, A)), 1000))
                .singleElement().extracting(RevokeBatch::grantIds).isEqualTo(List.of("grt_1", "grt_2"));
    }

    @Test
    void nothingClaimedMakesNoBatchAndALimitBelowOneIsRefused() {
        assertThat(RevokeBatches.of(List.of(), 1000)).isEmpty();
        assertThatThrownBy(() -> RevokeBatches.of(List.of(grant(1, A)), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyGrantIsInExactlyOneSingleRoleBatchOfAtMostTheLimit() {
        qt().withExamples(300).forAll(integers().between(0, 3000), integers().between(1, 6),
                integers().between(1, 1200)).checkAssert((count, roles, limit) -> {
            Random random = new Random(count * 31L + roles * 7L + limit);
            List<DueGrant> claimed = IntStream.range(0, count)
                    .mapToObj(i -> grant(i, random.nextInt(roles + 1) == roles ? null : "role-" + random.nextInt(roles)))
                    .toList();

            List<RevokeBatch> batches = RevokeBatches.of(claimed, limit);

            List<String> ids = new ArrayList<>();
            for (RevokeBatch batch : batches) {
                assertThat(batch.grants()).hasSizeBetween(1, limit)
                        .allSatisfy(g -> assertThat(g.roleArn()).isEqualTo(batch.roleArn()));
                ids.addAll(batch.grantIds());
            }
            assertThat(ids).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(claimed.stream().map(DueGrant::grantId).toList());
            long distinctRoles = claimed.stream().map(g -> String.valueOf(g.roleArn())).distinct().count();
            assertThat(batches.size()).as("no more batches than needed")
                    .isLessThanOrEqualTo((int) distinctRoles + count / limit);
        });
    }

    private static DueGrant grant(int n, String role) {
        return new DueGrant("grt_" + n, "p" + (n % 5) + "@example.com", role);
    }
}

package io.accessloop.drift.rightsizing.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.accessloop.drift.rightsizing.domain.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProposalTest {

    private static Proposal proposal(Mode mode) {
        PrincipalPermissions p = Fixtures.reporting(List.of());
        Plan plan = ProposalPlanner.plan(Fixtures.request(p, Fixtures.dailyS3Reads(), 30, Set.of()));
        return Proposal.propose("prp_1", p, plan, mode, NOW);
    }

    @Test
    void approvedProvenProposalsApplyThenConfirmOrRollBack() {
        Proposal applied = proposal(Mode.APPROVAL).approve("sec@example.com", NOW)
                .apply("sec@example.com", NOW.plusSeconds(60), Duration.ofHours(24));

        assertThat(applied.status()).isEqualTo(ProposalStatus.APPLIED);
        assertThat(applied.watchUntil()).isEqualTo(NOW.plusSeconds(60).plus(Duration.ofHours(24)));
        assertThat(applied.watching(NOW.plus(Duration.ofHours(1)))).isTrue();
        assertThat(applied.watching(NOW.plus(Duration.ofHours(25)))).isFalse();
        assertThat(applied.confirm(NOW.plus(Duration.ofHours(25))).status()).isEqualTo(ProposalStatus.CONFIRMED);
        Proposal rolledBack = applied.rollBack("accessloop-watch", NOW.plusSeconds(120), "6 AccessDenied");
        assertThat(rolledBack.status()).isEqualTo(ProposalStatus.ROLLED_BACK);
        assertThat(rolledBack.closeReason()).isEqualTo("6 AccessDenied");
        assertThat(rolledBack.baseline()).isEqualTo(applied.baseline());
    }

    @Test
    void commandsOutOfOrderAreRefusedAndChangeNothing() {
        Proposal proposed = proposal(Mode.APPROVAL);

        assertThatThrownBy(() -> proposed.apply("a@example.com", NOW, Duration.ofHours(1)))
                .isInstanceOf(ProposalStateException.class).hasMessageContaining("needs APPROVED");
        assertThatThrownBy(() -> proposed.rollBack("a@example.com", NOW, "x"))
                .isInstanceOf(ProposalStateException.class);
        assertThatThrownBy(() -> proposed.confirm(NOW)).isInstanceOf(ProposalStateException.class);
        Proposal rejected = proposed.reject("a@example.com", NOW, "not now");
        assertThatThrownBy(() -> rejected.approve("a@example.com", NOW)).isInstanceOf(ProposalStateException.class);
        assertThatThrownBy(() -> rejected.supersede(NOW, "newer")).isInstanceOf(ProposalStateException.class);
        assertThat(proposed.status()).isEqualTo(ProposalStatus.PROPOSED);
        assertThat(proposed.supersede(NOW, "newer").status()).isEqualTo(ProposalStatus.SUPERSEDED);
    }

    @Test
    void recommendModeIsNeverApprovedAndAFailedProofIsNeverApplied() {
        assertThatThrownBy(() -> proposal(Mode.RECOMMEND).approve("a@example.com", NOW))
                .isInstanceOf(ProposalRefusedException.class)
                .satisfies(e -> assertThat(((ProposalRefusedException) e).slug()).isEqualTo("recommend-only"));

        Proposal ok = proposal(Mode.APPROVAL).approve("a@example.com", NOW);
        Proposal unproven = new Proposal(ok.id(), ok.accountId(), ok.principalArn(), ok.kind(), ok.status(), ok.mode(),
                ok.confidence(), ok.summary(), ok.removedPermissions(), ok.baseline(), ok.changes(), ok.evidence(),
                new Proof(true, 2, List.of("s3:GetObject would be denied"), true, NOW), ok.createdAt(), ok.decidedBy(),
                ok.decidedAt(), null, null, null, null, null, null);
        assertThatThrownBy(() -> unproven.apply("a@example.com", NOW, Duration.ofHours(1)))
                .isInstanceOf(ProposalRefusedException.class).hasMessageContaining("s3:GetObject would be denied");
    }

    @Test
    void idsSortByCreationTime() {
        String first = ProposalIds.next(Instant.parse("2026-01-01T00:00:00Z"));
        String later = ProposalIds.next(Instant.parse("2026-01-01T00:00:01Z"));
        assertThat(first).startsWith("prp_").isLessThan(later);
        assertThat(new RollbackRule(5).triggers(5)).isTrue();
        assertThat(new RollbackRule(5).triggers(4)).isFalse();
        assertThatThrownBy(() -> new RollbackRule(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

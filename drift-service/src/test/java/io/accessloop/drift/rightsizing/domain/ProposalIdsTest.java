package io.accessloop.drift.rightsizing.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ProposalIdsTest {

    @Test
    void idsAreWellFormedAndNothingElseIs() {
        assertThat(ProposalIds.isWellFormed(ProposalIds.next(Instant.parse("2026-12-05T03:00:00Z")))).isTrue();
        assertThat(ProposalIds.isWellFormed(ProposalIds.next(Instant.EPOCH))).isTrue();
        assertThat(ProposalIds.isWellFormed(null)).isFalse();
        assertThat(ProposalIds.isWellFormed("garbage")).isFalse();
        assertThat(ProposalIds.isWellFormed("prp_")).isFalse();
        assertThat(ProposalIds.isWellFormed("prp_' OR 1=1 --")).isFalse();
        assertThat(ProposalIds.isWellFormed("prp_0192F3A4B5C6d7e8f9a0b1")).isFalse();
        assertThat(ProposalIds.isWellFormed("fnd_0192f3a4b5c6d7e8f9a0b1")).isFalse();
        assertThat(ProposalIds.isWellFormed("prp_0192f3a4b5c6d7e8f9a0b1\n")).isFalse();
    }
}

package io.accessloop.drift.rightsizing.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.accessloop.drift.rightsizing.domain.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalyzerReviewTest {

    private static final String MIXED = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:GetObject\",\"sqs:SendMessage\"],\"Resource\":\"*\"}]}";

    /** Answers as told and remembers what it was asked. */
    private static class Checker implements PolicyChecker {
        final List<String> asked = new ArrayList<>();
        String result = "PASS";
        List<AnalyzerChecks.ValidationFinding> findings = List.of();
        boolean unavailable;

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public NoNewAccess checkNoNewAccess(String proposedDocument, String existingDocument) {
            if (unavailable) {
                throw new CheckUnavailableException("AccessDeniedException: not allowed", null);
            }
            asked.add(existingDocument);
            return new NoNewAccess(result, result.equals("FAIL") ? List.of("new access") : List.of());
        }

        @Override
        public List<AnalyzerChecks.ValidationFinding> validate(String document) {
            return findings;
        }
    }

    private static PrincipalPermissions withMixedPolicy() {
        PrincipalPermissions base = Fixtures.reporting(List.of());
        List<PrincipalPermissions.InlinePolicy> inline = new ArrayList<>(base.inline());
        inline.add(new PrincipalPermissions.InlinePolicy("mixed", MIXED));
        return new PrincipalPermissions(base.arn(), base.type(), base.name(), base.createdAt(), base.tags(), inline,
                base.managed(), base.boundaryArn(), base.boundary());
    }

    private static Plan plan(PrincipalPermissions p) {
        List<UsedAction> usage = new ArrayList<>(Fixtures.dailyS3Reads());
        return ProposalPlanner.plan(Fixtures.request(p, usage, 30, Set.of()));
    }

    @Test
    void everyWrittenDocumentIsComparedWithWhatItReplacesAndDeletionsNeedNoCheck() {
        PrincipalPermissions p = withMixedPolicy();
        Plan plan = plan(p);
        Checker checker = new Checker();

        AnalyzerChecks checks = AnalyzerReview.review(checker, p, plan.changes(), NOW);

        assertThat(plan.changes()).extracting(PolicyChange::kind).contains(ChangeKind.REPLACE_INLINE,
                ChangeKind.DELETE_INLINE);
        assertThat(checks.status()).isEqualTo(AnalyzerChecks.Status.PASSED);
        assertThat(checks.policies()).extracting(AnalyzerChecks.PolicyCheck::policy).containsExactly("mixed");
        assertThat(checker.asked).hasSize(1);
        assertThat(checker.asked.get(0)).contains("sqs:SendMessage");
    }

    @Test
    void aFailedCheckNoNewAccessOrABlockingValidationFindingBlocksApply() {
        PrincipalPermissions p = withMixedPolicy();
        Plan plan = plan(p);
        Checker checker = new Checker();
        checker.result = "FAIL";

        AnalyzerChecks failed = AnalyzerReview.review(checker, p, plan.changes(), NOW);
        Proposal approved = Proposal.propose("prp_1", p, plan, Mode.AUTOMATIC, NOW, failed).approve("a@example.com",
                NOW);

        assertThat(failed.blocksApply()).isTrue();
        assertThat(approved.proven()).isTrue();
        assertThat(approved.applicable()).isFalse();
        assertThatThrownBy(() -> approved.apply("a@example.com", NOW, Duration.ofHours(1)))
                .isInstanceOf(ProposalRefusedException.class).hasMessageContaining("CheckNoNewAccess FAIL")
                .satisfies(e -> assertThat(((ProposalRefusedException) e).slug()).isEqualTo("analyzer-check-failed"));
        assertThat(approved.status()).isEqualTo(ProposalStatus.APPROVED);

        checker.result = "PASS";
        checker.findings = List.of(new AnalyzerChecks.ValidationFinding("SECURITY_WARNING",
                "PASS_ROLE_WITH_STAR_IN_RESOURCE", "iam:PassRole on *"));
        assertThat(AnalyzerReview.review(checker, p, plan.changes(), NOW).status())
                .isEqualTo(AnalyzerChecks.Status.FAILED);
        checker.findings = List.of(new AnalyzerChecks.ValidationFinding("SUGGESTION", "REDUNDANT_ACTION", "x"),
                new AnalyzerChecks.ValidationFinding("WARNING", "MISSING_VERSION", "y"));
        assertThat(AnalyzerReview.review(checker, p, plan.changes(), NOW).status())
                .as("warnings and suggestions are shown, not blocking").isEqualTo(AnalyzerChecks.Status.PASSED);
    }

    @Test
    void unavailableChecksAreRecordedAndDoNotBlockWhileSwitchedOffChecksAreAbsent() {
        PrincipalPermissions p = withMixedPolicy();
        Plan plan = plan(p);
        Checker checker = new Checker();
        checker.unavailable = true;

        AnalyzerChecks unavailable = AnalyzerReview.review(checker, p, plan.changes(), NOW);

        assertThat(unavailable.status()).isEqualTo(AnalyzerChecks.Status.UNAVAILABLE);
        assertThat(unavailable.detail()).contains("AccessDeniedException");
        assertThat(Proposal.propose("prp_1", p, plan, Mode.AUTOMATIC, NOW, unavailable).applicable()).isTrue();
        PolicyChecker off = new Checker() {
            @Override
            public boolean enabled() {
                return false;
            }
        };
        assertThat(AnalyzerReview.review(off, p, plan.changes(), NOW)).isNull();
    }
}

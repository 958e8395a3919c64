package io.accessloop.broker.request;

import io.accessloop.broker.catalog.domain.Entitlement;
import io.accessloop.broker.catalog.domain.RuleDecision;
import io.accessloop.broker.domain.RuleViolation;
import io.accessloop.broker.request.domain.AccessRequest;
import io.accessloop.broker.request.domain.RequestDraft;
import io.accessloop.broker.request.domain.RequestStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessRequestTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final Set<String> LEADS = Set.of("approver", "leads");

    private AccessRequest pending(int approvals) {
        Entitlement e = Fixtures.entitlement(approvals, true);
        RuleDecision rule = e.approval().decide(Set.of("payments"), NOW);
        return AccessRequest.submit("req_1", new RequestDraft("alice@example.com", Set.of("payments"), e,
                "investigate incident", null, null, false), rule, null, NOW, Duration.ofHours(24));
    }

    @Test
    void twoOfManyApprovalsAreNeededAndTheSecondCompletesTheRequest() {
        AccessRequest request = pending(2);

        assertThat(request.approve("bob@example.com", LEADS, "ok", NOW)).isFalse();
        assertThat(request.status()).isEqualTo(RequestStatus.PENDING);
        assertThat(request.approve("carol@example.com", LEADS, null, NOW.plusSeconds(5))).isTrue();
        assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(request.approvals()).extracting(a -> a.approver())
                .containsExactly("bob@example.com", "carol@example.com");
    }

    @Test
    void nobodyApprovesTheirOwnRequestEvenAsAnApprover() {
        AccessRequest request = pending(1);

        assertThatThrownBy(() -> request.approve("alice@example.com", LEADS, null, NOW))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.kind()).isEqualTo(RuleViolation.Kind.FORBIDDEN);
                    assertThat(e.slug()).isEqualTo("own-request");
                });
        assertThat(request.approvals()).isEmpty();
        assertThat(request.status()).isEqualTo(RequestStatus.PENDING);
    }

    @Test
    void onlyMembersOfTheApproverGroupsDecide() {
        AccessRequest request = pending(1);

        assertThatThrownBy(() -> request.approve("eve@example.com", Set.of("approver", "other-leads"), null, NOW))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.slug()).isEqualTo("not-an-approver"));
        assertThatThrownBy(() -> request.deny("eve@example.com", Set.of("security"), "no", NOW))
                .isInstanceOf(RuleViolation.class);
        assertThat(request.status()).isEqualTo(RequestStatus.PENDING);
    }

    @Test
    void theSameApproverCountsOnce() {
        AccessRequest request = pending(2);
        request.approve("bob@example.com", LEADS, null, NOW);

        assertThatThrownBy(() -> request.approve("bob@example.com", LEADS, null, NOW))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.kind()).isEqualTo(RuleViolation.Kind.CONFLICT));
        assertThat(request.status()).isEqualTo(RequestStatus.PENDING);
    }

    @Test
    void decidedRequestsAcceptNoFurtherCommands() {
        AccessRequest request = pending(1);
        request.deny("bob@example.com", LEADS, "not now", NOW);

        assertThat(request.decisionComment()).isEqualTo("not now");
        assertThatThrownBy(() -> request.approve("carol@example.com", LEADS, null, NOW))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.slug()).isEqualTo("request-not-pending"));
        assertThatThrownBy(() -> request.cancel("alice@example.com", null, NOW)).isInstanceOf(RuleViolation.class);
        assertThat(request.status()).isEqualTo(RequestStatus.DENIED);
    }

    @Test
    void expiresOnlyOnceItsTimeIsUp() {
        AccessRequest request = pending(1);

        assertThatThrownBy(() -> request.expire(NOW.plus(Duration.ofHours(23)))).isInstanceOf(RuleViolation.class);
        request.expire(NOW.plus(Duration.ofHours(24)));
        assertThat(request.status()).isEqualTo(RequestStatus.EXPIRED);
    }

    @Test
    void breakGlassIsApprovedAtOnceButNeedsARealReason() {
        Entitlement e = Fixtures.entitlement(1, true);
        RuleDecision rule = e.approval().decide(Set.of("payments"), NOW);

        AccessRequest request = AccessRequest.submit("req_2", new RequestDraft("alice@example.com", Set.of("payments"),
                e, "database down, paging", null, null, true), rule, null, NOW, Duration.ofHours(1));
        assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);

        assertThatThrownBy(() -> AccessRequest.submit("req_3", new RequestDraft("alice@example.com",
                Set.of("payments"), e, "urgent", null, null, true), rule, null, NOW, Duration.ofHours(1)))
                .isInstanceOfSatisfying(RuleViolation.class, ex -> assertThat(ex.getMessage())
                        .contains("at least 10 characters is required for break-glass"));
    }

    @Test
    void draftsOutsideTheEntitlementsBoundsAreRefusedWithEveryReason() {
        Entitlement e = Fixtures.entitlement(1, false);
        RequestDraft draft = new RequestDraft("mallory@example.com", Set.of("marketing"), e, " ",
                Duration.ofHours(5), null, true);

        assertThat(draft.violations()).hasSize(4)
                .anyMatch(v -> v.startsWith("entitlement: you are not in a group eligible"))
                .anyMatch(v -> v.startsWith("reason:"))
                .anyMatch(v -> v.equals("durationSeconds: at most 14400 seconds for prod-readonly"))
                .anyMatch(v -> v.startsWith("breakGlass:"));
    }
}

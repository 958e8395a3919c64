package io.accessloop.drift.remediation.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemediationPolicyTest {

    static final String ROLE = "arn:aws:iam::000000000000:role/accessloop/app-reader";
    static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

    @Test
    void nothingIsRemediatedByDefault() {
        assertThat(RemediationPolicy.none().plan("out-of-band-change", "attached:" + ADMIN, "ROLE", ROLE, Map.of()))
                .isEmpty();
        assertThat(RemediationPolicy.none().plan("access-key-too-old", "key:1", "USER",
                "arn:aws:iam::000000000000:user/ops", Map.of())).isEmpty();
    }

    @Test
    void anOutOfBandAttachmentIsDetachedFromThePrincipalItWasAttachedTo() {
        RemediationPolicy policy = new RemediationPolicy(Map.of("out-of-band-change", List.of()));
        assertThat(policy.plan("out-of-band-change", "attached:" + ADMIN, "ROLE", ROLE, Map.of()))
                .contains(new RemediationAction.DetachPolicy(RemediationAction.PrincipalKind.ROLE, "app-reader", ADMIN));
        assertThat(policy.plan("out-of-band-change", "attached:" + ADMIN, "GROUP",
                "arn:aws:iam::000000000000:group/ops", Map.of())).map(RemediationAction::describe)
                .contains("detach " + ADMIN + " from group ops");
        // other kinds of out-of-band change are left to people
        for (String key : List.of("detached:" + ADMIN, "inline:quick-fix:abc", "trust:abc", "group:admins")) {
            assertThat(policy.plan("out-of-band-change", key, "ROLE", ROLE, Map.of())).as(key).isEmpty();
        }
        assertThat(policy.plan("admin-wildcard", "attached:" + ADMIN, "ROLE", ROLE, Map.of())).isEmpty();
    }

    @Test
    void oldAndHumanKeysAreDeactivatedByTheirSlotAndCreationTime() {
        RemediationPolicy policy = new RemediationPolicy(Map.of("access-key-too-old", List.of(),
                "human-user-access-key", List.of()));
        String user = "arn:aws:iam::000000000000:user/humans/ada";
        assertThat(policy.plan("access-key-too-old", "key:2", "USER", user,
                Map.of("slot", 2, "lastRotated", "2025-01-01T00:00:00Z")))
                .contains(new RemediationAction.DeactivateAccessKey("ada", 2, Instant.parse("2025-01-01T00:00:00Z")));
        assertThat(policy.plan("human-user-access-key", "key:1", "USER", user, Map.of("slot", 1)))
                .contains(new RemediationAction.DeactivateAccessKey("ada", 1, null));
        assertThat(policy.plan("access-key-too-old", "key:3", "USER", user, Map.of())).isEmpty();
    }

    @Test
    void anEnabledRemediationCanBeNarrowedToSomePrincipals() {
        RemediationPolicy policy = new RemediationPolicy(Map.of("out-of-band-change",
                List.of("arn:aws:iam::*:role/accessloop/app-*")));
        assertThat(policy.plan("out-of-band-change", "attached:" + ADMIN, "ROLE", ROLE, Map.of())).isPresent();
        assertThat(policy.plan("out-of-band-change", "attached:" + ADMIN, "ROLE",
                "arn:aws:iam::000000000000:role/accessloop/db-admin", Map.of())).isEmpty();
    }

    @Test
    void onlyRulesWithARemediationMayBeSwitchedOn() {
        assertThatThrownBy(() -> new RemediationPolicy(Map.of("admin-wildcard", List.of())))
                .hasMessageContaining("admin-wildcard");
    }

    @Test
    void anActionIsReadBackFromItsRecord() {
        List<RemediationAction> actions = List.of(
                new RemediationAction.DetachPolicy(RemediationAction.PrincipalKind.USER, "ops", ADMIN),
                new RemediationAction.DeactivateAccessKey("ada", 1, Instant.parse("2025-01-01T00:00:00Z")),
                new RemediationAction.DeactivateAccessKey("ada", 2, null));
        for (RemediationAction action : actions) {
            assertThat(RemediationAction.parse(action.kind(), action.target())).isEqualTo(action);
        }
        assertThatThrownBy(() -> RemediationAction.parse("delete-user", "a:b:c")).hasMessageContaining("unknown");
        assertThatThrownBy(() -> new RemediationAction.DeactivateAccessKey("ada", 3, null)).hasMessageContaining("1 or 2");
    }
}

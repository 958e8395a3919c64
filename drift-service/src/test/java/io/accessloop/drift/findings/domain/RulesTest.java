package io.accessloop.drift.findings.domain;

import io.accessloop.drift.findings.domain.rules.AdminWildcardRule;
import io.accessloop.drift.findings.domain.rules.BoundaryRemovedRule;
import io.accessloop.drift.findings.domain.rules.InlinePolicySizeRule;
import io.accessloop.drift.findings.domain.rules.OpenTrustPolicyRule;
import io.accessloop.drift.findings.domain.rules.OutOfBandChangeRule;
import io.accessloop.drift.findings.domain.rules.ServiceWildcardRule;
import io.accessloop.drift.findings.domain.rules.UnattachedPolicyRule;
import io.accessloop.drift.inventory.domain.Attribution;
import io.accessloop.drift.inventory.domain.IamSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.accessloop.drift.findings.domain.Snapshots.allow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RulesTest {

    static final Attribution MALLORY = new Attribution("arn:aws:iam::123456789012:user/mallory", "mallory@example.com",
            "AttachRolePolicy", Snapshots.T0, false);
    static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

    private static List<String> keys(DriftRule rule, IamSnapshot before, IamSnapshot after, Attribution who,
                                     boolean managed, Set<String> live) {
        return rule.evaluate(new RuleInput(before, after, who, managed, Map.of(rule.id(), live)))
                .stream().map(Violation::key).toList();
    }

    @Test
    void outOfBandAttachmentToAManagedPrincipalIsReportedWithWhoDidIt() {
        IamSnapshot before = Snapshots.role("app").build();
        IamSnapshot after = Snapshots.role("app").attach(ADMIN).build();
        var violations = new OutOfBandChangeRule().evaluate(new RuleInput(before, after, MALLORY, true, Map.of()));
        assertThat(violations).extracting(Violation::key).containsExactly("attached:" + ADMIN);
        assertThat(violations.get(0).evidence()).containsEntry("actor", MALLORY.actorArn())
                .containsEntry("sourceIdentity", "mallory@example.com").containsEntry("after", ADMIN);
        assertThat(violations.get(0).summary()).contains("attached").contains(MALLORY.actorArn());
    }

    @Test
    void outOfBandIgnoresUnmanagedPrincipalsAccessloopsOwnChangesAndFirstSight() {
        IamSnapshot before = Snapshots.role("app").build();
        IamSnapshot after = Snapshots.role("app").attach(ADMIN).build();
        OutOfBandChangeRule rule = new OutOfBandChangeRule();
        assertThat(keys(rule, before, after, MALLORY, false, Set.of())).isEmpty();
        assertThat(keys(rule, before, after, Attribution.accessloop("broker"), true, Set.of())).isEmpty();
        assertThat(keys(rule, null, after, MALLORY, true, Set.of())).isEmpty();
    }

    @Test
    void outOfBandCoversInlineTrustBoundaryAndGroupChanges() {
        IamSnapshot before = Snapshots.user("bob").inline("old", allow("s3:GetObject", "*")).boundary("arn:b").build();
        IamSnapshot after = Snapshots.user("bob").inline("new", allow("s3:GetObject", "*")).group("admins").build();
        assertThat(keys(new OutOfBandChangeRule(), before, after, MALLORY, true, Set.of()))
                .anyMatch(k -> k.startsWith("inline:new:")).contains("inline-removed:old", "boundary:none",
                        "group:admins");
        IamSnapshot role = Snapshots.role("r").build();
        IamSnapshot opened = Snapshots.role("r").trust(Snapshots.trust("*", false)).build();
        assertThat(keys(new OutOfBandChangeRule(), role, opened, Attribution.unknown(), true, Set.of()))
                .singleElement().asString().startsWith("trust:");
    }

    @Test
    void anOutOfBandFindingHoldsUntilTheChangeIsUndoneAndTheUndoIsNoNewFinding() {
        OutOfBandChangeRule rule = new OutOfBandChangeRule();
        IamSnapshot attached = Snapshots.role("app").attach(ADMIN).build();
        IamSnapshot reverted = Snapshots.role("app").build();
        Set<String> live = Set.of("attached:" + ADMIN);
        assertThat(keys(rule, attached, attached, Attribution.unknown(), true, live)).containsExactly("attached:" + ADMIN);
        assertThat(keys(rule, attached, reverted, MALLORY, true, live)).isEmpty();
    }

    @Test
    void adminWildcardFindsActionStarOnResourceStarAndAdministratorAccess() {
        AdminWildcardRule rule = new AdminWildcardRule();
        IamSnapshot inline = Snapshots.user("u").inline("all", allow("*", "*")).build();
        assertThat(keys(rule, null, inline, null, false, Set.of())).containsExactly("admin:inline:all");
        IamSnapshot attached = Snapshots.role("r").attach(ADMIN).build();
        assertThat(keys(rule, null, attached, null, false, Set.of())).containsExactly("admin:managed:" + ADMIN);
        IamSnapshot policy = Snapshots.policy("p", allow("*", "*"), 1).build();
        assertThat(keys(rule, null, policy, null, false, Set.of())).containsExactly("admin:version:v1");
        IamSnapshot scoped = Snapshots.user("u").inline("s3", allow("s3:*", "*"))
                .inline("bucket", allow("*", "arn:aws:s3:::b")).build();
        assertThat(keys(rule, null, scoped, null, false, Set.of())).isEmpty();
    }

    @Test
    void serviceWildcardFindsServiceStarOnEveryResource() {
        IamSnapshot s = Snapshots.role("r").inline("p", allow("s3:*", "*")).inline("q", allow("s3:Get*", "*")).build();
        assertThat(keys(new ServiceWildcardRule(), null, s, null, false, Set.of())).containsExactly("service:inline:p:s3");
    }

    @Test
    void unattachedCustomerPolicyIsFoundAndClearsWhenAttached() {
        UnattachedPolicyRule rule = new UnattachedPolicyRule();
        assertThat(keys(rule, null, Snapshots.policy("p", allow("s3:GetObject", "*"), 0).build(), null, false, Set.of()))
                .containsExactly("unattached");
        assertThat(keys(rule, null, Snapshots.policy("p", allow("s3:GetObject", "*"), 2).build(), null, false, Set.of()))
                .isEmpty();
        assertThat(keys(rule, null, Snapshots.role("r").build(), null, false, Set.of())).isEmpty();
    }

    @Test
    void trustPoliciesOpenToAnyoneToUnknownAccountsOrWithoutExternalIdAreFound() {
        OpenTrustPolicyRule rule = new OpenTrustPolicyRule(Set.of("111111111111"));
        assertThat(keys(rule, null, Snapshots.role("r").trust(Snapshots.trust("*", true)).build(), null, false, Set.of()))
                .containsExactly("wildcard");
        assertThat(keys(rule, null, Snapshots.role("r").trust(Snapshots.trust("arn:aws:iam::999999999999:root", true))
                .build(), null, false, Set.of())).containsExactly("account:999999999999");
        assertThat(keys(rule, null, Snapshots.role("r").trust(Snapshots.trust("111111111111", false)).build(), null,
                false, Set.of())).containsExactly("no-external-id:111111111111");
        assertThat(keys(rule, null, Snapshots.role("r").trust(Snapshots.trust("111111111111", true)).build(), null,
                false, Set.of())).isEmpty();
        assertThat(keys(rule, null, Snapshots.role("r").build(), null, false, Set.of())).isEmpty();
    }

    @Test
    void aRemovedBoundaryIsFoundAndResolvesWhenABoundaryIsBack() {
        BoundaryRemovedRule rule = new BoundaryRemovedRule();
        IamSnapshot bounded = Snapshots.user("u").boundary("arn:aws:iam::123456789012:policy/boundary").build();
        IamSnapshot free = Snapshots.user("u").build();
        assertThat(keys(rule, bounded, free, MALLORY, false, Set.of()))
                .containsExactly("boundary:arn:aws:iam::123456789012:policy/boundary");
        Set<String> live = Set.of("boundary:arn:aws:iam::123456789012:policy/boundary");
        assertThat(keys(rule, free, free, null, false, live)).hasSize(1);
        assertThat(keys(rule, free, bounded, null, false, live)).isEmpty();
    }

    @Test
    void inlinePoliciesNearTheQuotaAreFound() {
        String big = allow("s3:GetObject", "arn:aws:s3:::" + "x".repeat(1900));
        assertThat(keys(new InlinePolicySizeRule(90), null, Snapshots.user("u").inline("big", big).build(), null,
                false, Set.of())).containsExactly("size");
        assertThat(keys(new InlinePolicySizeRule(90), null, Snapshots.role("r").inline("big", big).build(), null,
                false, Set.of())).isEmpty();
        assertThatThrownBy(() -> new InlinePolicySizeRule(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ruleBookAppliesSeverityOverridesAndRefusesUnknownRules() {
        RuleBook book = new RuleBook(RuleBook.standardRules(Set.of(), 90), Map.of("unattached-policy", "medium"),
                Set.of("service-wildcard"));
        assertThat(book.severity("unattached-policy")).isEqualTo(Severity.MEDIUM);
        assertThat(book.severity("admin-wildcard")).isEqualTo(Severity.CRITICAL);
        assertThat(book.rules()).extracting(DriftRule::id).doesNotContain("service-wildcard");
        assertThatThrownBy(() -> new RuleBook(RuleBook.standardRules(Set.of(), 90), Map.of("nope", "low"), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RuleBook(RuleBook.standardRules(Set.of(), 90), Map.of("admin-wildcard", "urgent"),
                Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}

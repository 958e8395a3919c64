package io.accessloop.sandbox.analyzer;

import io.accessloop.iam.minimise.PolicyComparator;
import io.accessloop.iam.policy.Effect;
import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.Statement;
import io.accessloop.sandbox.core.Doc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * CheckNoNewAccess with the iam-policy comparator: {@code PASS} only when the new policy grants nothing the
 * existing one does not. Exact for actions, conservative for resources and conditions (a subset it cannot prove
 * fails, never the reverse), like the comparator it uses.
 */
final class NoNewAccessCheck {

    private NoNewAccessCheck() {
    }

    static Doc check(PolicyDocument proposed, PolicyDocument existing) {
        if (PolicyComparator.isSubset(proposed, existing)) {
            return Doc.of().with("result", "PASS").with("message", "The modified permissions grant no new access "
                    + "compared to your existing policy.").with("reasons", List.of());
        }
        List<Statement> existingDenies = existing.statements().stream().filter(s -> s.effect() == Effect.DENY)
                .toList();
        List<Doc> reasons = new ArrayList<>();
        for (int i = 0; i < proposed.statements().size(); i++) {
            Statement s = proposed.statements().get(i);
            if (s.effect() == Effect.DENY) {
                continue;
            }
            List<Statement> alone = new ArrayList<>(existingDenies);
            alone.add(s);
            PolicyDocument single = new PolicyDocument(proposed.version(), null, alone);
            if (PolicyComparator.isSubset(single, existing)) {
                continue;
            }
            Set<String> newActions = PolicyComparator.actionsGrantedBeyond(single, existing);
            String description = newActions.isEmpty()
                    ? "New access in the statement: it allows resources, principals or conditions the existing "
                    + "policy does not."
                    : "New access in the statement: it allows actions the existing policy does not: "
                    + String.join(", ", newActions.stream().limit(20).toList())
                    + (newActions.size() > 20 ? " and " + (newActions.size() - 20) + " more" : "") + ".";
            reasons.add(Doc.of().with("description", description).with("statementIndex", i)
                    .with("statementId", s.sid()));
        }
        for (Statement deny : existingDenies) {
            boolean kept = proposed.statements().stream().anyMatch(p -> p.effect() == Effect.DENY
                    && sameIgnoringSid(p, deny));
            if (!kept) {
                reasons.add(Doc.of().with("description", "New access: a Deny statement of the existing policy"
                        + (deny.sid() == null ? "" : " (" + deny.sid() + ")") + " is not in the new policy."));
            }
        }
        if (reasons.isEmpty()) {
            reasons.add(Doc.of().with("description", "New access: the policies differ in policy variables or "
                    + "version in a way that cannot be proven to grant nothing new."));
        }
        return Doc.of().with("result", "FAIL").with("message", "The modified permissions grant new access "
                + "compared to your existing policy.").with("reasons", reasons);
    }

    private static boolean sameIgnoringSid(Statement a, Statement b) {
        return a.effect() == b.effect() && a.actions().equals(b.actions()) && a.notActions().equals(b.notActions())
                && a.resources().equals(b.resources()) && a.notResources().equals(b.notResources())
                && Objects.equals(a.principals(), b.principals())
                && Objects.equals(a.notPrincipals(), b.notPrincipals()) && a.conditions().equals(b.conditions());
    }
}

package io.accessloop.drift.findings.domain.rules;

import io.accessloop.drift.findings.domain.DriftRule;
import io.accessloop.drift.findings.domain.RuleInput;
import io.accessloop.drift.findings.domain.Severity;
import io.accessloop.drift.findings.domain.Violation;
import io.accessloop.drift.inventory.domain.IamSnapshot;
import io.accessloop.drift.inventory.domain.InlinePolicy;
import io.accessloop.iam.policy.PolicySizeLimits;

import java.util.List;
import java.util.Map;

/**
 * Inline policies of a principal close to IAM's per-principal quota (characters without whitespace): the next
 * revocation entry or edit may no longer fit.
 */
public final class InlinePolicySizeRule implements DriftRule {

    public static final String ID = "inline-policy-near-limit";

    private final int thresholdPercent;

    public InlinePolicySizeRule(int thresholdPercent) {
        if (thresholdPercent < 1 || thresholdPercent > 100) {
            throw new IllegalArgumentException("threshold must be 1..100 percent");
        }
        this.thresholdPercent = thresholdPercent;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.LOW;
    }

    @Override
    public List<Violation> evaluate(RuleInput input) {
        IamSnapshot s = input.current();
        if (s.deleted() || !s.type().isPrincipal() || s.inlinePolicies().isEmpty()) {
            return List.of();
        }
        PolicySizeLimits.Limit limit = switch (s.type()) {
            case USER -> PolicySizeLimits.Limit.INLINE_USER;
            case GROUP -> PolicySizeLimits.Limit.INLINE_GROUP;
            default -> PolicySizeLimits.Limit.INLINE_ROLE;
        };
        int used = s.inlinePolicies().stream().map(InlinePolicy::document)
                .mapToInt(PolicySizeLimits::countedCharacters).sum();
        if ((long) used * 100 < (long) limit.maxCharacters() * thresholdPercent) {
            return List.of();
        }
        return List.of(new Violation("size", "Inline policies of " + s.name() + " use " + used + " of "
                + limit.maxCharacters() + " characters", Map.of("used", used, "limit", limit.maxCharacters(),
                "thresholdPercent", thresholdPercent)));
    }
}

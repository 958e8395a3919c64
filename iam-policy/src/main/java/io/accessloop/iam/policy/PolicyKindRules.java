package io.accessloop.iam.policy;

import static io.accessloop.iam.policy.MalformedPolicyException.Reason.*;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules IAM applies on top of the common structure, depending on what the policy is attached to. */
final class PolicyKindRules {

    private static final Pattern IAM_SID = Pattern.compile("[0-9A-Za-z]*");

    private PolicyKindRules() {
    }

    static void check(PolicyKind kind, List<ParsedStatement> statements) {
        Set<String> sids = new HashSet<>();
        for (ParsedStatement parsed : statements) {
            Statement s = parsed.statement();
            if (s.sid() != null && !s.sid().isEmpty()) {
                if (kind != PolicyKind.RESOURCE && !IAM_SID.matcher(s.sid()).matches()) {
                    throw parsed.at("Sid").fault(INVALID_SID, "Statement IDs (SID) must be alpha-numeric. "
                            + "Check that your input satisfies the regular expression [0-9A-Za-z]*");
                }
                if (!sids.add(s.sid())) {
                    throw parsed.at("Sid").fault(DUPLICATE_SID, "Statement IDs (SID) in a single policy must be unique.");
                }
            }
            switch (kind) {
                case IDENTITY, SESSION -> {
                    prohibit(parsed, "Principal");
                    prohibit(parsed, "NotPrincipal");
                    requireResource(parsed);
                }
                case RESOURCE -> {
                    requirePrincipal(parsed);
                    requireResource(parsed);
                }
                case TRUST -> {
                    requirePrincipal(parsed);
                    prohibit(parsed, "Resource");
                    prohibit(parsed, "NotResource");
                    requireStsActions(parsed);
                }
                default -> throw new IllegalStateException("unhandled kind " + kind);
            }
        }
    }

    private static void prohibit(ParsedStatement parsed, String field) {
        if (parsed.has(field)) {
            throw parsed.at(field).fault(PROHIBITED_FIELD, "Has prohibited field " + field);
        }
    }

    private static void requireResource(ParsedStatement parsed) {
        if (!parsed.has("Resource") && !parsed.has("NotResource")) {
            throw parsed.start().fault(MISSING_RESOURCE, "Policy statement must contain resources.");
        }
    }

    private static void requirePrincipal(ParsedStatement parsed) {
        if (!parsed.has("Principal") && !parsed.has("NotPrincipal")) {
            throw parsed.start().fault(MISSING_PRINCIPAL, "Missing required field Principal");
        }
    }

    private static void requireStsActions(ParsedStatement parsed) {
        Statement s = parsed.statement();
        for (String action : s.actions().isEmpty() ? s.notActions() : s.actions()) {
            if (!action.toLowerCase(Locale.ROOT).startsWith("sts:")) {
                String field = s.actions().isEmpty() ? "NotAction" : "Action";
                throw parsed.at(field).fault(INVALID_ACTION,
                        "AssumeRole policy may only specify STS AssumeRole actions.");
            }
        }
    }
}

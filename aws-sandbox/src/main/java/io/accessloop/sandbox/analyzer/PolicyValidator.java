package io.accessloop.sandbox.analyzer;

import io.accessloop.iam.catalog.ActionCatalog;
import io.accessloop.iam.eval.Wildcards;
import io.accessloop.iam.policy.MalformedPolicyException;
import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.PolicyKind;
import io.accessloop.iam.policy.PolicyParser;
import io.accessloop.iam.policy.Statement;
import io.accessloop.sandbox.core.Doc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * ValidatePolicy: an {@code ERROR} for a document IAM would refuse (with where the parser stopped) and for
 * actions that do not exist, {@code SECURITY_WARNING}s for {@code iam:PassRole} on every resource,
 * {@code SUGGESTION}s for redundant actions, resources and statements, a {@code WARNING} for a missing version.
 * Issue codes are AWS's.
 */
final class PolicyValidator {

    private static final String LEARN_MORE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/"
            + "access-analyzer-reference-policy-checks.html";

    private PolicyValidator() {
    }

    static List<Doc> validate(String text, PolicyKind kind) {
        PolicyDocument policy;
        try {
            policy = PolicyParser.parse(text, kind);
        } catch (MalformedPolicyException e) {
            return List.of(malformed(text, e));
        }
        JsonSpans spans = JsonSpans.of(text);
        List<Doc> findings = new ArrayList<>();
        if (policy.version() == null) {
            findings.add(finding("WARNING", "MISSING_VERSION", "We recommend that you specify the Version element "
                    + "to help you with debugging permission issues.", spans.location(List.of())));
        }
        List<Statement> statements = policy.statements();
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            actions(s, i, spans, findings);
            if (s.isAllow()) {
                passRole(s, i, spans, findings);
                redundantResources(s, i, spans, findings);
            }
            for (int earlier = 0; earlier < i; earlier++) {
                if (sameIgnoringSid(statements.get(earlier), s)) {
                    findings.add(finding("SUGGESTION", "REDUNDANT_STATEMENT", "The statement is redundant because "
                            + "it provides identical permissions to statement " + earlier + ".",
                            spans.location(List.of(List.of("Statement", i), List.of("Statement")))));
                    break;
                }
            }
        }
        return findings;
    }

    private static Doc malformed(String text, MalformedPolicyException e) {
        Doc span;
        if (e.line() > 0) {
            int offset = offsetOf(text, e.line(), Math.max(1, e.column()));
            span = JsonSpans.point(e.line(), Math.max(0, e.column() - 1), offset);
        } else {
            span = JsonSpans.point(1, 0, 0);
        }
        return finding("ERROR", e.reason().name(), e.iamMessage(),
                Doc.of().with("path", List.of()).with("span", span));
    }

    private static int offsetOf(String text, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line && offset < text.length(); l++) {
            int next = text.indexOf('\n', offset);
            if (next < 0) {
                return text.length();
            }
            offset = next + 1;
        }
        return Math.min(text.length(), offset + column - 1);
    }

    private static void actions(Statement s, int i, JsonSpans spans, List<Doc> findings) {
        List<String> actions = s.actions();
        for (int j = 0; j < actions.size(); j++) {
            String action = actions.get(j);
            int colon = action.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String service = action.substring(0, colon).toLowerCase(Locale.ROOT);
            Doc location = spans.location(actionPaths(i, j));
            if (!Wildcards.hasWildcard(service) && !ActionCatalog.services().contains(service)) {
                findings.add(finding("ERROR", "INVALID_SERVICE_IN_ACTION", "The service " + service
                        + " specified in the action " + action + " does not exist.", location));
                continue;
            }
            if (!Wildcards.hasWildcard(action) && !ActionCatalog.isKnown(action)) {
                findings.add(finding("ERROR", "INVALID_ACTION", "The action " + action + " does not exist.",
                        location));
                continue;
            }
            for (int k = 0; k < actions.size(); k++) {
                if (k != j && covers(actions.get(k), action) && !(covers(action, actions.get(k)) && k > j)) {
                    findings.add(finding("SUGGESTION", "REDUNDANT_ACTION", "The " + action + " action is "
                            + "redundant because the " + actions.get(k) + " action grants the same permissions.",
                            location));
                    break;
                }
            }
        }
    }

    /** Whether every catalog action {@code covered} names is also named by {@code pattern}. */
    private static boolean covers(String pattern, String covered) {
        if (!Wildcards.hasWildcard(covered)) {
            return Wildcards.matchesAction(pattern, covered);
        }
        Set<String> expanded = ActionCatalog.expand(covered);
        return !expanded.isEmpty() && Wildcards.hasWildcard(pattern)
                && expanded.stream().allMatch(a -> Wildcards.matchesAction(pattern, a));
    }

    private static void passRole(Statement s, int i, JsonSpans spans, List<Doc> findings) {
        boolean allResources = !s.notResources().isEmpty() || s.resources().contains("*");
        if (!allResources) {
            return;
        }
        boolean named = s.actions().stream().anyMatch(a -> a.equalsIgnoreCase("iam:PassRole"));
        boolean byWildcard = !named && (s.actions().stream().anyMatch(a -> Wildcards.matchesAction(a, "iam:PassRole"))
                || (!s.notActions().isEmpty()
                && s.notActions().stream().noneMatch(a -> Wildcards.matchesAction(a, "iam:PassRole"))));
        int star = s.resources().indexOf("*");
        Doc location = spans.location(star < 0
                ? List.of(List.of("Statement", i, "NotResource"), List.of("Statement", "NotResource"))
                : List.of(List.of("Statement", i, "Resource", star), List.of("Statement", i, "Resource"),
                        List.of("Statement", "Resource", star), List.of("Statement", "Resource")));
        if (named) {
            findings.add(finding("SECURITY_WARNING", "PASS_ROLE_WITH_STAR_IN_RESOURCE", "Using the iam:PassRole "
                    + "action with wildcards (*) in the resource can be overly permissive because it allows "
                    + "iam:PassRole permissions on multiple resources.", location));
        } else if (byWildcard) {
            findings.add(finding("SECURITY_WARNING", "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE", "Using "
                    + "wildcards (*) in the action and the resource can allow creation of unintended service-linked "
                    + "roles and iam:PassRole on every role; it grants administrator-level access when it covers "
                    + "every action.", location));
        }
    }

    private static void redundantResources(Statement s, int i, JsonSpans spans, List<Doc> findings) {
        List<String> resources = s.resources();
        if (!resources.contains("*") || resources.size() < 2) {
            return;
        }
        for (int j = 0; j < resources.size(); j++) {
            if (!resources.get(j).equals("*")) {
                findings.add(finding("SUGGESTION", "REDUNDANT_RESOURCE", "The " + resources.get(j) + " resource "
                        + "is redundant because the * resource grants the same permissions.",
                        spans.location(List.of(List.of("Statement", i, "Resource", j),
                                List.of("Statement", "Resource", j)))));
            }
        }
    }

    private static List<List<Object>> actionPaths(int i, int j) {
        return List.of(List.of("Statement", i, "Action", j), List.of("Statement", i, "Action"),
                List.of("Statement", "Action", j), List.of("Statement", "Action"));
    }

    private static Doc finding(String type, String issueCode, String details, Doc location) {
        return Doc.of().with("findingType", type).with("issueCode", issueCode).with("findingDetails", details)
                .with("learnMoreLink", LEARN_MORE).with("locations", List.of(location));
    }

    private static boolean sameIgnoringSid(Statement a, Statement b) {
        return a.effect() == b.effect() && a.actions().equals(b.actions()) && a.notActions().equals(b.notActions())
                && a.resources().equals(b.resources()) && a.notResources().equals(b.notResources())
                && Objects.equals(a.principals(), b.principals())
                && Objects.equals(a.notPrincipals(), b.notPrincipals()) && a.conditions().equals(b.conditions());
    }
}

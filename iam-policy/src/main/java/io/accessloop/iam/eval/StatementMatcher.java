package io.accessloop.iam.eval;

import io.accessloop.iam.policy.Condition;
import io.accessloop.iam.policy.Statement;
import java.util.List;

/** Whether a statement's action, resource and condition elements apply to a request (principals aside). */
final class StatementMatcher {

    private StatementMatcher() {
    }

    static boolean applies(Statement s, AuthorizationRequest request, boolean variables) {
        return actionApplies(s, request.action())
                && resourceApplies(s, request, variables)
                && conditionsHold(s.conditions(), request.context(), variables);
    }

    static boolean actionApplies(Statement s, String action) {
        if (!s.actions().isEmpty()) {
            return anyActionMatches(s.actions(), action);
        }
        return !anyActionMatches(s.notActions(), action);
    }

    private static boolean anyActionMatches(List<String> patterns, String action) {
        for (String pattern : patterns) {
            if (Wildcards.matchesAction(pattern, action)) {
                return true;
            }
        }
        return false;
    }

    static boolean resourceApplies(Statement s, AuthorizationRequest request, boolean variables) {
        if (!s.resources().isEmpty()) {
            return anyResourceMatches(s.resources(), request, variables);
        }
        if (!s.notResources().isEmpty()) {
            return !anyResourceMatches(s.notResources(), request, variables);
        }
        return true;
    }

    private static boolean anyResourceMatches(List<String> patterns, AuthorizationRequest request, boolean variables) {
        for (String pattern : patterns) {
            if (!variables || pattern.indexOf('$') < 0) {
                if (Wildcards.matchesArn(pattern, null, request.resource())) {
                    return true;
                }
                continue;
            }
            PolicyVariables.Substituted p = PolicyVariables.substitute(pattern, request.context(), variables);
            if (p != null && Wildcards.matchesArn(p.text(), p.literal(), request.resource())) {
                return true;
            }
        }
        return false;
    }

    static boolean conditionsHold(List<Condition> conditions, RequestContext context, boolean variables) {
        for (Condition condition : conditions) {
            if (!ConditionEvaluator.matches(condition, context, variables)) {
                return false;
            }
        }
        return true;
    }
}

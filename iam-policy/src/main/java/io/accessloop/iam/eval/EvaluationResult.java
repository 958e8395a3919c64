package io.accessloop.iam.eval;

import io.accessloop.iam.policy.Effect;
import java.util.List;

/** A decision with the statements that led to it and a sentence saying why. */
public record EvaluationResult(Decision decision, List<MatchedStatement> matchedStatements, String reason) {

    public EvaluationResult {
        matchedStatements = List.copyOf(matchedStatements);
    }

    public boolean isAllowed() {
        return decision.isAllowed();
    }

    public List<MatchedStatement> denyingStatements() {
        return matchedStatements.stream().filter(m -> m.effect() == Effect.DENY).toList();
    }

    public List<MatchedStatement> allowingStatements() {
        return matchedStatements.stream().filter(m -> m.effect() == Effect.ALLOW).toList();
    }
}

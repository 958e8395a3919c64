package io.accessloop.iam.eval;

import io.accessloop.iam.policy.Principals;
import java.util.List;
import java.util.Map;

/** Matches the {@code Principal}/{@code NotPrincipal} elements of resource-based and trust policies. */
final class PrincipalMatcher {

    private PrincipalMatcher() {
    }

    static PrincipalMatch match(Principals principals, CallerIdentity caller) {
        if (principals.wildcard()) {
            return wildcardStrength(caller);
        }
        PrincipalMatch best = PrincipalMatch.NONE;
        for (Map.Entry<String, List<String>> entry : principals.byType().entrySet()) {
            for (String id : entry.getValue()) {
                best = best.strongest(matchOne(entry.getKey(), id, caller));
            }
        }
        return best;
    }

    /** {@code NotPrincipal}: applies to every caller that none of the listed principals names. */
    static PrincipalMatch matchNot(Principals notPrincipals, CallerIdentity caller) {
        return match(notPrincipals, caller) == PrincipalMatch.NONE ? wildcardStrength(caller) : PrincipalMatch.NONE;
    }

    private static PrincipalMatch wildcardStrength(CallerIdentity caller) {
        return caller.kind() == CallerIdentity.Kind.ROLE_SESSION ? PrincipalMatch.ROLE : PrincipalMatch.DIRECT;
    }

    private static PrincipalMatch matchOne(String type, String id, CallerIdentity caller) {
        switch (type) {
            case Principals.AWS -> {
                if (!caller.hasAccount()) {
                    return PrincipalMatch.NONE;
                }
                if (id.equals("*")) {
                    return wildcardStrength(caller);
                }
                if (id.equals(caller.arn())) {
                    return PrincipalMatch.DIRECT;
                }
                if (caller.roleArn() != null && id.equals(caller.roleArn())) {
                    return PrincipalMatch.ROLE;
                }
                if (id.equals(caller.account()) || id.equals(caller.rootArn())) {
                    return caller.kind() == CallerIdentity.Kind.ROOT ? PrincipalMatch.DIRECT : PrincipalMatch.ACCOUNT;
                }
                return PrincipalMatch.NONE;
            }
            case Principals.SERVICE -> {
                return !caller.hasAccount() && id.equalsIgnoreCase(caller.arn()) ? PrincipalMatch.DIRECT
                        : PrincipalMatch.NONE;
            }
            default -> {
                return id.equals(caller.arn()) ? PrincipalMatch.DIRECT : PrincipalMatch.NONE;
            }
        }
    }
}

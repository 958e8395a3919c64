package io.accessloop.kit.security;

import io.accessloop.kit.problem.Problem;
import io.accessloop.kit.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.HashSet;

/**
 * The signed-in person of the current request as a {@link Caller}: no token → 401, a token without an e-mail → 403.
 * A request-scoped holder rather than a producer of the record, because normal-scoped beans need a proxyable
 * (non-final) type and records are final.
 */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private Caller caller;

    CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        if (caller == null) {
            caller = resolve();
        }
        return caller;
    }

    private Caller resolve() {
        if (identity.isAnonymous()) {
            throw new ProblemException(Problem.of(401, "unauthenticated", "Not signed in", "A bearer token is required"));
        }
        String email = email(identity.getPrincipal());
        if (email == null || !email.contains("@")) {
            throw ProblemException.forbidden("The token carries no e-mail address");
        }
        return new Caller(email, new HashSet<>(identity.getRoles()));
    }

    private static String email(Principal principal) {
        if (principal instanceof JsonWebToken jwt) {
            String email = jwt.getClaim("email");
            if (email != null) {
                return email;
            }
            String upn = jwt.getClaim("upn");
            return upn != null ? upn : jwt.getClaim("preferred_username");
        }
        return principal.getName();
    }
}

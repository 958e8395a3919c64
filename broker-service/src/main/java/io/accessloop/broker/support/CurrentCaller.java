package io.accessloop.broker.support;

import io.accessloop.kit.problem.Problem;
import io.accessloop.kit.problem.ProblemException;
import io.accessloop.kit.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.HashSet;

/**
 * The signed-in person of the current request as a {@link Caller}. service-kit's request-scoped producer of the
 * {@code Caller} record cannot be injected (ArC refuses normal-scoped producers of final types), so the broker
 * resolves it through this request-scoped holder, with the same rules: no token → 401, no e-mail → 403.
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
        String email = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            email = jwt.getClaim("email");
            if (email == null) {
                email = jwt.getClaim("upn") != null ? jwt.getClaim("upn") : jwt.getClaim("preferred_username");
            }
        } else {
            email = identity.getPrincipal().getName();
        }
        if (email == null || !email.contains("@")) {
            throw ProblemException.forbidden("The token carries no e-mail address");
        }
        return new Caller(email, new HashSet<>(identity.getRoles()));
    }
}

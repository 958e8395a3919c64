package io.accessloop.drift.web;

import io.accessloop.kit.problem.Problem;
import io.accessloop.kit.problem.ProblemException;
import io.accessloop.kit.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.HashSet;

/**
 * The signed-in {@link Caller} of the current request. (service-kit's request-scoped {@code Caller} producer cannot
 * be injected: ArC refuses normal-scoped producers of a record type, so drift resolves it here.)
 */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;

    CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        if (identity.isAnonymous()) {
            throw new ProblemException(Problem.of(401, "unauthenticated", "Not signed in", "A bearer token is required"));
        }
        String email = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            email = jwt.getClaim("email");
            if (email == null) {
                email = jwt.getClaim("upn");
            }
            if (email == null) {
                email = jwt.getClaim("preferred_username");
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

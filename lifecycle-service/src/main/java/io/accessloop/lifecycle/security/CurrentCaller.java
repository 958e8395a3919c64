package io.accessloop.lifecycle.security;

import io.accessloop.kit.problem.Problem;
import io.accessloop.kit.problem.ProblemException;
import io.accessloop.kit.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.HashSet;

/**
 * The {@link Caller} of the current request. service-kit's {@code @RequestScoped} producer of the {@code Caller}
 * record cannot be injected (ArC refuses normal-scoped producers of final types), so this bean builds the same
 * value from the verified token: lower-cased e-mail, groups; 401 without a token, 403 without an e-mail.
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
                email = jwt.getClaim("upn");
            }
        }
        if (email == null || !email.contains("@")) {
            throw ProblemException.forbidden("The token carries no e-mail address");
        }
        return new Caller(email, new HashSet<>(identity.getRoles()));
    }
}

package io.accessloop.kit.security;

import io.accessloop.kit.problem.Problem;
import io.accessloop.kit.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.HashSet;
import java.util.Set;

/** Turns the verified OIDC token into a {@link Caller}; a token without an e-mail cannot act. */
@RequestScoped
public class CallerProducer {

    @Produces
    @RequestScoped
    Caller caller(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            throw new ProblemException(Problem.of(401, "unauthenticated", "Not signed in", "A bearer token is required"));
        }
        String email = email(identity.getPrincipal());
        if (email == null || !email.contains("@")) {
            throw ProblemException.forbidden("The token carries no e-mail address");
        }
        Set<String> groups = new HashSet<>(identity.getRoles());
        return new Caller(email, groups);
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

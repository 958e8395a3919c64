package io.accessloop.drift.rightsizing.rest;

import io.accessloop.kit.problem.Problem;
import io.accessloop.kit.problem.ProblemException;
import io.accessloop.kit.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.HashSet;

/**
 * Who may see and act on proposals: security engineers, auditors and admins read; security engineers and admins
 * decide, apply and roll back. Everybody else gets 403 (proposals belong to no person).
 */
@RequestScoped
public class ProposalCaller {

    private final SecurityIdentity identity;

    ProposalCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller reader() {
        Caller caller = caller();
        if (!caller.seesEveryone()) {
            throw ProblemException.forbidden("Proposals are for security engineers, auditors and admins");
        }
        return caller;
    }

    public Caller operator() {
        Caller caller = caller();
        if (!caller.inGroup(Caller.SECURITY) && !caller.inGroup(Caller.ADMIN)) {
            throw ProblemException.forbidden("Only security engineers and admins decide on, apply or roll back proposals");
        }
        return caller;
    }

    private Caller caller() {
        if (identity.isAnonymous()) {
            throw new ProblemException(Problem.of(401, "unauthenticated", "Not signed in", "A bearer token is required"));
        }
        String email = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            email = jwt.getClaim("email");
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

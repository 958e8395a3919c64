package io.accessloop.portal.clients;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.inject.spi.CDI;

import java.util.Optional;

/** The signed-in person's access token (from the authorization code flow), if someone is signed in. */
public final class SignedInToken {

    private SignedInToken() {
    }

    public static Optional<String> current() {
        SecurityIdentity identity = CDI.current().select(CurrentIdentityAssociation.class).get().getIdentity();
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        return token == null || token.getToken() == null ? Optional.empty() : Optional.of(token.getToken());
    }
}

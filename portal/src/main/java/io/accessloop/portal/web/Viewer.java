package io.accessloop.portal.web;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Locale;

/**
 * The signed-in person as the templates see them ({@code {inject:viewer}}): name and which parts of the portal
 * their roles open. Pages still check roles on the server; this only decides which links to draw.
 */
@Named("viewer")
@RequestScoped
public class Viewer {

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    public String email() {
        String email = idToken.getClaim("email");
        String name = email != null ? email : identity.getPrincipal().getName();
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }

    public boolean approver() {
        return has(Roles.APPROVER) || has(Roles.ADMIN);
    }

    public boolean security() {
        return has(Roles.SECURITY) || has(Roles.AUDITOR) || has(Roles.ADMIN);
    }

    /** Sees the active grants of others: approvers (their entitlements), security, auditors and admins. */
    public boolean grants() {
        return has(Roles.APPROVER) || security();
    }

    /** Ends someone else's grant (auditors only look). */
    public boolean canRevoke() {
        return has(Roles.APPROVER) || has(Roles.SECURITY) || has(Roles.ADMIN);
    }

    public boolean canSuppress() {
        return has(Roles.SECURITY) || has(Roles.ADMIN);
    }

    /** Approve, reject, apply and roll back right-sizing proposals (auditors only read them). */
    public boolean canRightsize() {
        return has(Roles.SECURITY) || has(Roles.ADMIN);
    }

    public boolean auditor() {
        return has(Roles.AUDITOR) || has(Roles.SECURITY) || has(Roles.ADMIN);
    }

    private boolean has(String role) {
        return identity.hasRole(role);
    }
}

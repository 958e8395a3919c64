package io.accessloop.portal.web;

/** The role names carried in the IdP {@code groups} claim (DESIGN §9). */
public final class Roles {

    public static final String EMPLOYEE = "employee";
    public static final String APPROVER = "approver";
    public static final String SECURITY = "security";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}

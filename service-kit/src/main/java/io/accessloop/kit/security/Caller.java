package io.accessloop.kit.security;

import java.util.Locale;
import java.util.Set;

/**
 * The signed-in person behind a request: keyed by lower-cased e-mail (DESIGN §9), with the IdP groups that carry
 * both Accessloop roles (employee, approver, security, auditor, admin) and team groups used for eligibility.
 */
public record Caller(String email, Set<String> groups) {

    public static final String EMPLOYEE = "employee";
    public static final String APPROVER = "approver";
    public static final String SECURITY = "security";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    public Caller {
        email = email.toLowerCase(Locale.ROOT);
        groups = Set.copyOf(groups);
    }

    public boolean inGroup(String group) {
        return groups.contains(group);
    }

    /** Security engineers, auditors and admins may look at everybody's objects. */
    public boolean seesEveryone() {
        return inGroup(SECURITY) || inGroup(AUDITOR) || inGroup(ADMIN);
    }
}

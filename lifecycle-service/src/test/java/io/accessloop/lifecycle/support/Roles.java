package io.accessloop.lifecycle.support;

import io.accessloop.testsupport.Tokens;

/** Bearer tokens for the people the tests act as. */
public final class Roles {

    private Roles() {
    }

    public static String auditor() {
        return Tokens.bearer("audrey@example.com", "auditor");
    }

    public static String security() {
        return Tokens.bearer("sam@example.com", "security");
    }

    public static String employee(String email) {
        return Tokens.bearer(email, "employee", "payments");
    }
}

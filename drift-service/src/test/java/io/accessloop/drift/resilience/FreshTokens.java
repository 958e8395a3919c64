package io.accessloop.drift.resilience;

import io.accessloop.testsupport.Tokens;

/**
 * Bearer tokens signed at the moment of use. The shared constants in {@code Api} are signed once per test JVM and
 * expire after five minutes, which a slow machine reaches within one test class.
 */
final class FreshTokens {

    private FreshTokens() {
    }

    static String security() {
        return Tokens.bearer("sam@example.com", "security");
    }

    static String auditor() {
        return Tokens.bearer("ada@example.com", "auditor");
    }

    static String employee() {
        return Tokens.bearer("eve@example.com", "employee", "payments");
    }
}

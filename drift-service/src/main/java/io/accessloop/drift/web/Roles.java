package io.accessloop.drift.web;

import io.accessloop.kit.problem.ProblemException;
import io.accessloop.kit.security.Caller;

/** Who may use drift's API: security engineers, auditors and admins read; security and admins act. */
public final class Roles {

    private Roles() {
    }

    public static void requireViewer(Caller caller) {
        if (!caller.seesEveryone()) {
            throw ProblemException.forbidden("Findings and inventory are for security engineers, auditors and admins");
        }
    }

    public static void requireSecurity(Caller caller) {
        if (!caller.inGroup(Caller.SECURITY) && !caller.inGroup(Caller.ADMIN)) {
            throw ProblemException.forbidden("Only security engineers and admins may do this");
        }
    }
}

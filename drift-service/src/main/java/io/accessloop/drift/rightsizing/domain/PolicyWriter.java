package io.accessloop.drift.rightsizing.domain;

import java.util.List;

/** Port: writes a principal's identity policies in IAM. */
public interface PolicyWriter {

    /** Performs the changes in order (additions before detachments and deletions, so access never dips). */
    void apply(PrincipalPermissions principal, List<PolicyChange> changes);

    /** Brings the principal back to exactly the given permissions (inline documents and managed attachments). */
    void restore(PrincipalPermissions current, PrincipalPermissions previous);
}

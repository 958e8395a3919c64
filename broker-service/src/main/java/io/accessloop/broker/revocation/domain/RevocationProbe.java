package io.accessloop.broker.revocation.domain;

/**
 * Proves a deny is in place: opens a session on the role carrying a grant's tag (and a person's source identity),
 * then makes a call with it and reports whether AWS answered with an explicit deny.
 */
public interface RevocationProbe {

    /** A session opened before a deny is written, so that a person deny (issued before revokedAt) can match it. */
    ProbeSession open(String roleArn, String grantId, String sourceIdentity);

    /** Whether a call with the session is refused by an explicit deny. */
    boolean deniedExplicitly(ProbeSession session);

    /** An open probe session; its secret stays inside the adapter. Closed once the revocation is verified. */
    interface ProbeSession extends AutoCloseable {
        String roleArn();

        /** Releases what the adapter holds for the session (its client); the AWS session itself just expires. */
        @Override
        default void close() {
        }
    }
}

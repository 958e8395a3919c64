package io.accessloop.lifecycle.expiry.domain;

import java.util.Objects;

/**
 * A grant whose end has come, as the expiry sweep claimed it.
 *
 * @param grantId  the grant
 * @param identity its owner (lower-cased e-mail)
 * @param roleArn  the role it was issued on; null when the broker's events never named it
 */
public record DueGrant(String grantId, String identity, String roleArn) {

    public DueGrant {
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(identity, "identity");
    }
}

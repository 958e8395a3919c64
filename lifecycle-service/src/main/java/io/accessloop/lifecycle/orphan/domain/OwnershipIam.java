package io.accessloop.lifecycle.orphan.domain;

import java.util.List;

/** The IAM port of orphan detection. */
public interface OwnershipIam {

    /** Every role with its ownership tags. */
    List<OwnedPrincipal> roles();
}

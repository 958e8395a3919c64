package io.accessloop.lifecycle.inactive.domain;

import io.accessloop.lifecycle.offboarding.domain.UserChange;

import java.time.Instant;
import java.util.List;

/** The IAM port of the inactive-user sweep; each call returns every change it made. */
public interface InactiveIam {

    List<UserActivity> users(String pathPrefix);

    /** Deactivates every key, deletes the login profile, tags the user {@code accessloop:disabled-at}. */
    List<UserChange> disable(String userName, Instant at);

    /** Strips everything from the user and deletes it. */
    List<UserChange> delete(String userName, Instant at);

    /** Tags the user with the notice date of one of its keys. */
    List<UserChange> noticeKey(String userName, String keyId, Instant at);

    List<UserChange> deactivateKey(String userName, String keyId);
}

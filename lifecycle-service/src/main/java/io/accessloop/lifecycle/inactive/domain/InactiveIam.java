package io.accessloop.lifecycle.inactive.domain;

import java.time.Instant;
import java.util.List;

/** The IAM port of the inactive-user sweep; each call returns what it did. */
public interface InactiveIam {

    List<UserActivity> users(String pathPrefix);

    /** Deactivates every key, deletes the login profile, tags the user {@code accessloop:disabled-at}. */
    List<String> disable(String userName, Instant at);

    /** Strips everything from the user and deletes it. */
    List<String> delete(String userName, Instant at);

    List<String> noticeKey(String userName, String keyId, Instant at);

    List<String> deactivateKey(String userName, String keyId);
}

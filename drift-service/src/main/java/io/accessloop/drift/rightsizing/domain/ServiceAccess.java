package io.accessloop.drift.rightsizing.domain;

import java.time.Instant;
import java.util.Map;

/**
 * IAM Access Advisor's view of one service for one principal.
 *
 * @param lastAuthenticated null when never used in Access Advisor's tracking period
 * @param actions           action name → last access (null value: tracked, never used); null map when the service
 *                          is reported at service level only
 */
public record ServiceAccess(String service, Instant lastAuthenticated, Map<String, Instant> actions) {

    public boolean actionLevel() {
        return actions != null;
    }
}

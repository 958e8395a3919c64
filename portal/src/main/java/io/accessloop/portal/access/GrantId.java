package io.accessloop.portal.access;

import io.accessloop.portal.web.BadInput;

import java.util.regex.Pattern;

/** Grant and request ids go into service URLs; only the shapes the services hand out ({@code grt_…}, {@code req_…}) pass. */
final class GrantId {

    private static final Pattern SHAPE = Pattern.compile("[a-z]{2,8}_[A-Za-z0-9_-]{1,80}");

    private GrantId() {
    }

    static String check(String id) {
        if (id == null || !SHAPE.matcher(id).matches()) {
            throw new BadInput("That is not a valid id.");
        }
        return id;
    }
}

package io.accessloop.portal.clients.broker;

import java.util.List;

/** What My access shows: the person's own grants and requests. */
public record MyAccess(List<Grant> grants, List<AccessRequest> requests) {
}

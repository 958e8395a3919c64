package io.accessloop.portal.clients.broker;

import java.util.List;

/** An approver's inbox: pending requests they may decide and break-glass grants awaiting their review. */
public record Inbox(List<AccessRequest> requests, List<Grant> reviews) {
}

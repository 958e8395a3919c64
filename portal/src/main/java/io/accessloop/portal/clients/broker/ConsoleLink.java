package io.accessloop.portal.clients.broker;

import java.time.Instant;

/** A one-time AWS console sign-in URL for a grant, valid until {@code expiresAt}. */
public record ConsoleLink(String url, Instant expiresAt) {
}

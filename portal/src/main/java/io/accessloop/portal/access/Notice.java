package io.accessloop.portal.access;

import java.util.Map;

/** A one-line confirmation after a redirect; only known keys are shown, so nothing from the URL is echoed. */
public record Notice(String text) {

    private static final Map<String, String> KNOWN = Map.of(
            "released", "You handed the access back. It is revoked now.",
            "submitted", "Your request was sent.",
            "extended", "Your access was extended.",
            "withdrawn", "Your request was withdrawn.",
            "extension-pending", "Your extension waits for approval; the current access keeps running meanwhile.");

    public static Notice of(String key) {
        return key == null ? null : KNOWN.containsKey(key) ? new Notice(KNOWN.get(key)) : null;
    }
}

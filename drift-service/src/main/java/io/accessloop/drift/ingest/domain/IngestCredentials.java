package io.accessloop.drift.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * Checks a push the way EventBridge API destinations authenticate: an API key header, or HTTP basic auth.
 * Several keys and passwords are valid at once so that a secret can be rotated without dropping events.
 * Comparison is constant-time; with nothing configured every push is refused.
 */
public final class IngestCredentials {

    private final List<String> apiKeys;
    private final String basicUsername;
    private final List<String> basicPasswords;

    public IngestCredentials(List<String> apiKeys, String basicUsername, List<String> basicPasswords) {
        this.apiKeys = apiKeys.stream().filter(k -> !k.isBlank()).toList();
        this.basicUsername = basicUsername;
        this.basicPasswords = basicPasswords.stream().filter(p -> !p.isBlank()).toList();
    }

    public boolean accepts(String apiKeyHeader, String authorization) {
        boolean ok = acceptsApiKey(apiKeyHeader);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6) && basicUsername != null) {
            String decoded = decode(authorization.substring(6).trim());
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                boolean user = same(decoded.substring(0, colon), basicUsername);
                for (String password : basicPasswords) {
                    ok |= user & same(decoded.substring(colon + 1), password);
                }
            }
        }
        return ok;
    }

    /** Whether {@code key} is one of the API keys (a Firehose stream's access key is checked this way). */
    public boolean acceptsApiKey(String key) {
        boolean ok = false;
        if (key != null) {
            for (String expected : apiKeys) {
                ok |= same(key, expected);
            }
        }
        return ok;
    }

    public boolean configured() {
        return !apiKeys.isEmpty() || (basicUsername != null && !basicPasswords.isEmpty());
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}

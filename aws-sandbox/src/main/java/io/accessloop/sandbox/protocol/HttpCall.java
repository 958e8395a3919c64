package io.accessloop.sandbox.protocol;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request as the edge received it. Header names are lower-case; {@code rawQuery} is the
 * query string exactly as sent (needed for SigV4).
 */
public record HttpCall(String method, String path, String rawQuery, Map<String, String> headers, byte[] body,
                       String sourceIp) {

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    public Map<String, String> queryParameters() {
        return decodeForm(rawQuery == null ? "" : rawQuery);
    }

    /** Decodes {@code a=b&c=d} (form or query string); the last value of a repeated name wins. */
    public static Map<String, String> decodeForm(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        int start = 0;
        int length = text.length();
        while (start <= length) {
            int end = text.indexOf('&', start);
            if (end < 0) {
                end = length;
            }
            if (end > start) {
                String pair = text.substring(start, end);
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                out.put(decode(name), decode(value));
            }
            start = end + 1;
        }
        return out;
    }

    private static String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}

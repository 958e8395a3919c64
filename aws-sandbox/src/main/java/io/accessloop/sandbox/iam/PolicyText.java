package io.accessloop.sandbox.iam;

import java.nio.charset.StandardCharsets;

/** IAM returns policy documents URL-encoded (RFC 3986, spaces as %20). */
public final class PolicyText {

    private PolicyText() {
    }

    public static String urlEncode(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(text.length() * 2);
        for (byte raw : text.getBytes(StandardCharsets.UTF_8)) {
            int c = raw & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || c == '*') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }
}

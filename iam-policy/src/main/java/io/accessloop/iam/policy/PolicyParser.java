package io.accessloop.iam.policy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Parses IAM policy documents, raw or URL-encoded (as IAM's Get*Policy calls and AWS Config return them), and
 * rejects what IAM would reject with {@link MalformedPolicyException}.
 */
public final class PolicyParser {

    private PolicyParser() {
    }

    /** Parses and checks the structure common to every kind of policy. */
    public static PolicyDocument parse(String json) {
        return PolicyReader.read(decode(json)).document();
    }

    /** Parses and also applies the rules of the given kind (e.g. no Principal in identity policies). */
    public static PolicyDocument parse(String json, PolicyKind kind) {
        PolicyReader.Result result = PolicyReader.read(decode(json));
        PolicyKindRules.check(kind, result.statements());
        return result.document();
    }

    /** As {@link #parse(String, PolicyKind)}, and refuses a document over the given size quota. */
    public static PolicyDocument parse(String json, PolicyKind kind, PolicySizeLimits.Limit limit) {
        String decoded = decode(json);
        PolicySizeLimits.check(decoded, limit);
        return parse(decoded, kind);
    }

    /**
     * Returns the JSON text of a possibly URL-encoded document. A document is taken as encoded when its first
     * non-blank character is {@code %}; only {@code %XX} escapes are decoded ({@code +} stays a plus sign, as IAM
     * encodes spaces as {@code %20}).
     */
    public static String decode(String text) {
        if (text == null) {
            throw new MalformedPolicyException(MalformedPolicyException.Reason.SYNTAX_ERROR,
                    "Syntax errors in policy. The policy document is empty");
        }
        if (text.startsWith("\uFEFF")) {
            return decode(text.substring(1));
        }
        String trimmed = text.strip();
        if (!trimmed.startsWith("%")) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(trimmed.length());
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '%') {
                int hi = i + 2 < trimmed.length() ? Character.digit(trimmed.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(trimmed.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new MalformedPolicyException(MalformedPolicyException.Reason.SYNTAX_ERROR,
                            "Syntax errors in policy. Bad URL encoding at character " + (i + 1));
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                int codePoint = trimmed.codePointAt(i);
                byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}

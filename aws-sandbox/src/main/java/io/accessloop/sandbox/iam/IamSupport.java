package io.accessloop.sandbox.iam;

import io.accessloop.iam.policy.MalformedPolicyException;
import io.accessloop.iam.policy.PolicyKind;
import io.accessloop.iam.policy.PolicyParser;
import io.accessloop.sandbox.core.AwsError;
import io.accessloop.sandbox.core.Doc;
import io.accessloop.sandbox.protocol.QueryParams;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/** Validation and paging shared by the IAM handlers, with IAM's error wording. */
final class IamSupport {

    static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    static final Pattern PATH = Pattern.compile("(/)|(/[\\u0021-\\u007E]+/)");
    static final Pattern POLICY_ARN = Pattern.compile("arn:aws:iam::(aws|\\d{12}):policy/.*");

    private IamSupport() {
    }

    static String name(QueryParams p, String param, int max) {
        String value = p.required(param);
        String field = Character.toLowerCase(param.charAt(0)) + param.substring(1);
        if (value.isEmpty() || value.length() > max) {
            throw AwsError.validation("1 validation error detected: Value '" + value + "' at '" + field
                    + "' failed to satisfy constraint: Member must have length between 1 and " + max);
        }
        if (!NAME.matcher(value).matches()) {
            throw AwsError.validation("1 validation error detected: Value '" + value + "' at '" + field
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        }
        return value;
    }

    static String path(QueryParams p, String param) {
        String value = p.get(param);
        if (value == null) {
            return "/";
        }
        if (value.length() > 512 || !PATH.matcher(value).matches()) {
            throw AwsError.validation("1 validation error detected: Value '" + value + "' at '"
                    + Character.toLowerCase(param.charAt(0)) + param.substring(1)
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
        }
        return value;
    }

    static String policyArn(QueryParams p) {
        String arn = p.required("PolicyArn");
        if (!POLICY_ARN.matcher(arn).matches()) {
            throw AwsError.invalidInput("ARN " + arn + " is not valid.");
        }
        return arn;
    }

    static String description(QueryParams p) {
        String value = p.get("Description");
        if (value != null && value.length() > 1000) {
            throw AwsError.validation("1 validation error detected: Value at 'description' failed to satisfy "
                    + "constraint: Member must have length less than or equal to 1000");
        }
        return value;
    }

    /** Parses a policy as IAM would and returns its JSON text (decoded when it arrived URL-encoded). */
    static String policyDocument(QueryParams p, String param, PolicyKind kind) {
        String raw = p.required(param);
        try {
            String json = PolicyParser.decode(raw);
            PolicyParser.parse(json, kind);
            return json;
        } catch (MalformedPolicyException e) {
            throw AwsError.malformedPolicy(e.iamMessage());
        }
    }

    static int countedCharacters(Iterable<String> documents) {
        int total = 0;
        for (String doc : documents) {
            for (int i = 0; i < doc.length(); i++) {
                if (!Character.isWhitespace(doc.charAt(i))) {
                    total++;
                }
            }
        }
        return total;
    }

    /** Applies {@code Marker}/{@code MaxItems} and writes {@code IsTruncated}/{@code Marker} into the result. */
    static <T> List<T> page(QueryParams p, List<T> all, Doc result) {
        Integer maxItems = p.integer("MaxItems");
        int max = maxItems == null ? 100 : maxItems;
        if (max < 1 || max > 1000) {
            throw AwsError.validation("1 validation error detected: Value '" + max + "' at 'maxItems' failed to "
                    + "satisfy constraint: Member must have value between 1 and 1000");
        }
        int start = 0;
        String marker = p.get("Marker");
        if (marker != null) {
            start = decodeMarker(marker);
        }
        int end = Math.min(all.size(), start + max);
        List<T> page = start >= all.size() ? List.of() : all.subList(start, end);
        boolean truncated = end < all.size();
        result.with("IsTruncated", truncated);
        if (truncated) {
            result.with("Marker", Base64.getEncoder().encodeToString(("i:" + end).getBytes(StandardCharsets.UTF_8)));
        }
        return page;
    }

    private static int decodeMarker(String marker) {
        try {
            String text = new String(Base64.getDecoder().decode(marker), StandardCharsets.UTF_8);
            if (!text.startsWith("i:")) {
                throw new IllegalArgumentException();
            }
            int index = Integer.parseInt(text.substring(2));
            if (index < 0) {
                throw new IllegalArgumentException();
            }
            return index;
        } catch (IllegalArgumentException e) {
            throw AwsError.validation("Invalid Marker: " + marker);
        }
    }

    static boolean underPath(String path, String prefix) {
        return prefix == null || path.startsWith(prefix);
    }
}

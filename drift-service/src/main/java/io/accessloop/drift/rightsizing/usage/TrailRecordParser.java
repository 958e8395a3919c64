package io.accessloop.drift.rightsizing.usage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads one CloudTrail record object from a streaming parser, keeping only the fields right-sizing needs and
 * skipping the rest without building a tree. A record that is valid JSON but lacks what a usage row needs
 * comes back {@code null} (the caller counts it as malformed).
 */
public final class TrailRecordParser {

    private TrailRecordParser() {
    }

    /**
     * Parses the object the parser's current token opens; leaves the parser on its closing brace. Returns
     * {@code null} for a malformed record (also when the current token is not an object: the value is skipped).
     */
    public static TrailRecord parse(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String eventId = null;
        String source = null;
        String name = null;
        String time = null;
        String region = null;
        String error = null;
        String principal = null;
        String resource = null;
        boolean identitySeen = false;
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken value = p.nextToken();
            switch (field) {
                case "eventID" -> eventId = text(p, value);
                case "eventSource" -> source = text(p, value);
                case "eventName" -> name = text(p, value);
                case "eventTime" -> time = text(p, value);
                case "awsRegion" -> region = text(p, value);
                case "errorCode" -> error = text(p, value);
                case "userIdentity" -> {
                    identitySeen = value == JsonToken.START_OBJECT;
                    principal = identitySeen ? principalOf(p) : skip(p);
                }
                case "resources" -> resource = value == JsonToken.START_ARRAY ? resourceOf(p) : skip(p);
                default -> p.skipChildren();
            }
        }
        if (source == null || name == null || time == null || !identitySeen || p.currentToken() != JsonToken.END_OBJECT) {
            return null;
        }
        Instant at = instant(time);
        if (at == null) {
            return null;
        }
        return new TrailRecord(eventId, source, name, at, principal, resource, error, region);
    }

    private static String text(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    private static String skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    /** The IAM identity behind a userIdentity object: role for sessions, user for users, else null. */
    private static String principalOf(JsonParser p) throws IOException {
        String type = null;
        String arn = null;
        String issuerArn = null;
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken value = p.nextToken();
            switch (field) {
                case "type" -> type = text(p, value);
                case "arn" -> arn = text(p, value);
                case "sessionContext" -> issuerArn = value == JsonToken.START_OBJECT ? issuerOf(p) : skip(p);
                default -> p.skipChildren();
            }
        }
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "IAMUser" -> arn;
            case "AssumedRole" -> issuerArn != null ? issuerArn : roleOfSession(arn);
            case "FederatedUser" -> issuerArn;
            default -> null;
        };
    }

    private static String issuerOf(JsonParser p) throws IOException {
        String issuer = null;
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken value = p.nextToken();
            if (field.equals("sessionIssuer") && value == JsonToken.START_OBJECT) {
                String f;
                while ((f = p.nextFieldName()) != null) {
                    JsonToken v = p.nextToken();
                    if (f.equals("arn")) {
                        issuer = text(p, v);
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        return issuer;
    }

    /** {@code arn:aws:sts::1:assumed-role/Name/session} → {@code arn:aws:iam::1:role/Name} (path unknown). */
    static String roleOfSession(String sessionArn) {
        if (sessionArn == null) {
            return null;
        }
        int marker = sessionArn.indexOf(":assumed-role/");
        int slash = marker < 0 ? -1 : sessionArn.indexOf('/', marker + 14);
        if (marker < 0 || slash < 0 || !sessionArn.startsWith("arn:")) {
            return null;
        }
        String prefix = sessionArn.substring(0, marker).replace(":sts:", ":iam:");
        return prefix + ":role/" + sessionArn.substring(marker + 14, slash);
    }

    /** The most specific resource: an S3 object when named, else the only resource, else none. */
    private static String resourceOf(JsonParser p) throws IOException {
        String only = null;
        String object = null;
        int count = 0;
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String arn = null;
            String type = null;
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken value = p.nextToken();
                if (field.equals("ARN")) {
                    arn = text(p, value);
                } else if (field.equals("type")) {
                    type = text(p, value);
                } else {
                    p.skipChildren();
                }
            }
            if (arn != null) {
                count++;
                only = arn;
                if (type != null && type.endsWith("::Object")) {
                    object = arn;
                }
            }
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
        }
        if (object != null) {
            return object;
        }
        return count == 1 ? only : null;
    }

    /** ISO-8601 UTC instants; the common {@code yyyy-MM-ddTHH:mm:ssZ} shape without allocation-heavy parsing. */
    static Instant instant(String text) {
        if (text.length() == 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour < 24
                    && minute >= 0 && minute < 60 && second >= 0 && second < 60) {
                return Instant.ofEpochSecond(epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second);
            }
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days inverse). */
    private static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int mp = (month + 9) % 12;
        int doy = (153 * mp + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468L;
    }
}

package io.accessloop.sandbox.protocol;

import io.accessloop.sandbox.core.AwsError;
import io.accessloop.sandbox.core.Doc;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Renders Query-protocol responses and error envelopes as IAM and STS do. */
public final class QueryXml {

    public static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    public static final String STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";

    private QueryXml() {
    }

    public static String response(String action, String namespace, Doc result, String requestId) {
        StringBuilder b = new StringBuilder(512);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(action).append("Response xmlns=\"")
                .append(namespace).append("\">");
        if (result != null) {
            b.append('<').append(action).append("Result>");
            writeFields(b, result);
            b.append("</").append(action).append("Result>");
        }
        b.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata></")
                .append(action).append("Response>");
        return b.toString();
    }

    public static String error(String namespace, AwsError error, String requestId) {
        StringBuilder b = new StringBuilder(256);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse xmlns=\"").append(namespace)
                .append("\"><Error><Type>").append(error.senderFault() ? "Sender" : "Receiver")
                .append("</Type><Code>").append(escape(error.code())).append("</Code><Message>")
                .append(escape(error.getMessage())).append("</Message></Error><RequestId>").append(requestId)
                .append("</RequestId></ErrorResponse>");
        return b.toString();
    }

    private static void writeFields(StringBuilder b, Map<String, Object> fields) {
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            b.append('<').append(e.getKey()).append('>');
            writeValue(b, e.getValue());
            b.append("</").append(e.getKey()).append('>');
        }
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(StringBuilder b, Object value) {
        if (value instanceof Map<?, ?> map) {
            writeFields(b, (Map<String, Object>) map);
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                b.append("<member>");
                writeValue(b, item);
                b.append("</member>");
            }
        } else if (value instanceof Instant instant) {
            b.append(instant.truncatedTo(ChronoUnit.SECONDS));
        } else {
            b.append(escape(String.valueOf(value)));
        }
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                default -> null;
            };
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}

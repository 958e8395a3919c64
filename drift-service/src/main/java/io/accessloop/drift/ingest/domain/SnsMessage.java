package io.accessloop.drift.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An SNS HTTP(S) delivery: a {@code Notification}, {@code SubscriptionConfirmation} or {@code UnsubscribeConfirmation}
 * with the fields its signature covers. {@link #stringToSign()} is SNS's canonical form: the covered fields in
 * alphabetical order, each as {@code name\nvalue\n}.
 */
public record SnsMessage(String type, String messageId, String topicArn, String subject, String message,
                         String timestamp, String token, URI subscribeUrl, String signatureVersion, byte[] signature,
                         URI signingCertUrl) {

    public static final String NOTIFICATION = "Notification";
    public static final String SUBSCRIPTION_CONFIRMATION = "SubscriptionConfirmation";
    public static final String UNSUBSCRIBE_CONFIRMATION = "UnsubscribeConfirmation";

    /** Reads the envelope; the signature fields may be missing (an unsigned message is refused when verifying). */
    public static SnsMessage from(JsonNode envelope) {
        String type = required(envelope, "Type");
        boolean confirmation = SUBSCRIPTION_CONFIRMATION.equals(type) || UNSUBSCRIBE_CONFIRMATION.equals(type);
        if (!NOTIFICATION.equals(type) && !confirmation) {
            throw new MalformedNotificationException("SNS message type " + type + " is not known");
        }
        String signature = optional(envelope, "Signature");
        byte[] signatureBytes = null;
        if (signature != null) {
            try {
                signatureBytes = Base64.getDecoder().decode(signature.getBytes(StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                signatureBytes = new byte[0]; // cannot verify: refused as an invalid signature, not as malformed
            }
        }
        String certUrl = optional(envelope, "SigningCertURL");
        return new SnsMessage(type, required(envelope, "MessageId"), required(envelope, "TopicArn"),
                optional(envelope, "Subject"), required(envelope, "Message"), required(envelope, "Timestamp"),
                confirmation ? required(envelope, "Token") : null,
                confirmation ? uri(required(envelope, "SubscribeURL"), "SubscribeURL") : null,
                optional(envelope, "SignatureVersion"), signatureBytes,
                certUrl == null ? null : uri(certUrl, "SigningCertURL"));
    }

    public boolean signed() {
        return signature != null && signatureVersion != null && signingCertUrl != null;
    }

    /** The JCA algorithm of the signature version: 1 is SHA1withRSA, 2 is SHA256withRSA. */
    public String algorithm() {
        return switch (signatureVersion == null ? "" : signatureVersion) {
            case "1" -> "SHA1withRSA";
            case "2" -> "SHA256withRSA";
            default -> throw new MalformedNotificationException("SignatureVersion must be 1 or 2");
        };
    }

    public String stringToSign() {
        StringBuilder out = new StringBuilder();
        field(out, "Message", message);
        field(out, "MessageId", messageId);
        if (NOTIFICATION.equals(type)) {
            if (subject != null) {
                field(out, "Subject", subject);
            }
            field(out, "Timestamp", timestamp);
        } else {
            field(out, "SubscribeURL", subscribeUrl.toString());
            field(out, "Timestamp", timestamp);
            field(out, "Token", token);
        }
        field(out, "TopicArn", topicArn);
        field(out, "Type", type);
        return out.toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(name).append('\n').append(value).append('\n');
    }

    private static String required(JsonNode node, String field) {
        String value = optional(node, field);
        if (value == null || value.isEmpty()) {
            throw new MalformedNotificationException(field + " is required");
        }
        return value;
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MalformedNotificationException(field + " must be a string");
        }
        return value.asText();
    }

    private static URI uri(String value, String field) {
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new MalformedNotificationException(field + " must be an absolute URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new MalformedNotificationException(field + " is not a URL");
        }
    }
}

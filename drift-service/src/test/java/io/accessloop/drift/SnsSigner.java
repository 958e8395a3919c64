package io.accessloop.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

/** Signs SNS-shaped messages the way SNS does, with the key of {@link SnsTestAuthority}. */
public final class SnsSigner {

    private SnsSigner() {
    }

    /** Signs with SignatureVersion 2 (SHA256withRSA) and points SigningCertURL at the test authority. */
    public static ObjectNode signed(ObjectNode envelope) {
        return sign(envelope, "2", System.getProperty(SnsTestAuthority.BASE_URL) + SnsTestAuthority.CERT_PATH);
    }

    public static ObjectNode sign(ObjectNode envelope, String version, String certUrl) {
        envelope.put("SignatureVersion", version);
        envelope.put("SigningCertURL", certUrl);
        try {
            Signature signature = Signature.getInstance("1".equals(version) ? "SHA1withRSA" : "SHA256withRSA");
            signature.initSign(key());
            signature.update(stringToSign(envelope).getBytes(StandardCharsets.UTF_8));
            envelope.put("Signature", Base64.getEncoder().encodeToString(signature.sign()));
            return envelope;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SNS's documented string to sign: the covered fields in byte order of their names, each "name\nvalue\n". */
    static String stringToSign(JsonNode envelope) {
        List<String> fields = "Notification".equals(envelope.get("Type").asText())
                ? List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type")
                : List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");
        StringBuilder out = new StringBuilder();
        for (String field : fields) {
            JsonNode value = envelope.get(field);
            if (value != null && !value.isNull()) {
                out.append(field).append('\n').append(value.asText()).append('\n');
            }
        }
        return out.toString();
    }

    private static PrivateKey key() {
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty(SnsTestAuthority.KEYSTORE)))) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, SnsTestAuthority.PASSWORD.toCharArray());
            return (PrivateKey) keys.getKey("signer", SnsTestAuthority.PASSWORD.toCharArray());
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.accessloop.lifecycle.audit.domain;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * SHA-256 over the canonical JSON of every field of an entry including its sequence number and the previous hash:
 * an edited field, a removed entry or two swapped entries all change some hash down the chain.
 */
public final class LedgerHasher {

    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private LedgerHasher() {
    }

    public static String hash(LedgerEntry e) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("seq", e.seq());
        node.put("entryId", e.entryId());
        node.put("recordedAt", iso(e.recordedAt()));
        node.put("occurredAt", iso(e.occurredAt()));
        node.put("kind", e.kind());
        node.put("source", e.source());
        node.put("subject", e.subject());
        node.put("identity", e.identity());
        node.put("grantId", e.grantId());
        node.put("principalArn", e.principalArn());
        node.put("eventId", e.eventId());
        node.put("content", e.content());
        node.put("prevHash", e.prevHash());
        return sha256(CanonicalJson.write(node));
    }

    /** Truncates to what the database stores, so hashes survive the round trip. */
    public static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static String iso(Instant instant) {
        return instant == null ? null : storable(instant).toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.accessloop.lifecycle.hr.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks {@code Accessloop-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} (DESIGN §5) against every
 * secret of every HR source (two per source during a rotation). Digests are compared in constant time; the
 * timestamp must be within the tolerance either way so a captured call cannot be replayed later.
 */
public final class WebhookSignature {

    private static final int MAX_HEADER_LENGTH = 1024;

    private final Map<String, List<String>> secretsBySource;
    private final Duration tolerance;

    public WebhookSignature(Map<String, List<String>> secretsBySource, Duration tolerance) {
        this.secretsBySource = Map.copyOf(secretsBySource);
        this.tolerance = tolerance;
    }

    public Verdict verify(String header, byte[] body, Instant now) {
        if (header == null || header.isBlank()) {
            return Verdict.failed(Outcome.UNSIGNED);
        }
        Optional<Parsed> parsed = parse(header);
        if (parsed.isEmpty()) {
            return Verdict.failed(Outcome.MALFORMED);
        }
        Parsed p = parsed.get();
        byte[] signed = concat((p.timestamp + ".").getBytes(StandardCharsets.US_ASCII), body);
        String matched = null;
        for (Map.Entry<String, List<String>> source : secretsBySource.entrySet()) {
            for (String secret : source.getValue()) {
                byte[] expected = hmac(secret, signed);
                for (byte[] candidate : p.signatures) {
                    if (MessageDigest.isEqual(expected, candidate) && matched == null) {
                        matched = source.getKey();
                    }
                }
            }
        }
        if (matched == null) {
            return Verdict.failed(Outcome.FORGED);
        }
        if (Duration.between(Instant.ofEpochSecond(p.timestamp), now).abs().compareTo(tolerance) > 0) {
            return Verdict.failed(Outcome.STALE);
        }
        return new Verdict(Outcome.VALID, matched);
    }

    /** The header value an HR source would send; used by adapters and tests. */
    public static String sign(String secret, long unixSeconds, byte[] body) {
        byte[] signed = concat((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII), body);
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(hmac(secret, signed));
    }

    private static Optional<Parsed> parse(String header) {
        if (header.length() > MAX_HEADER_LENGTH) {
            return Optional.empty();
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                return Optional.empty();
            }
            if (kv[0].equals("t")) {
                if (timestamp != null || !kv[1].matches("\\d{1,12}")) {
                    return Optional.empty();
                }
                timestamp = Long.parseLong(kv[1]);
            } else if (kv[0].equals("v1")) {
                if (!kv[1].matches("[0-9a-fA-F]{64}")) {
                    return Optional.empty();
                }
                signatures.add(HexFormat.of().parseHex(kv[1].toLowerCase()));
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(timestamp, signatures));
    }

    private static byte[] hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private record Parsed(long timestamp, List<byte[]> signatures) {
    }

    /** Why a call was or was not accepted. */
    public enum Outcome {
        VALID, UNSIGNED, MALFORMED, FORGED, STALE
    }

    /** The outcome and, for a valid call, the HR source whose secret signed it. */
    public record Verdict(Outcome outcome, String source) {
        static Verdict failed(Outcome outcome) {
            return new Verdict(outcome, null);
        }

        public boolean valid() {
            return outcome == Outcome.VALID;
        }
    }
}

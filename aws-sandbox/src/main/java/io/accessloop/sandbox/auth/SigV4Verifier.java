package io.accessloop.sandbox.auth;

import io.accessloop.sandbox.protocol.HttpCall;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Verifies AWS Signature Version 4 in the {@code Authorization} header as AWS does: rebuilds the canonical
 * request, derives the signing key from the stored secret and compares in constant time. Temporary keys
 * also need the matching {@code X-Amz-Security-Token} and must not be expired.
 */
public final class SigV4Verifier {

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final HexFormat HEX = HexFormat.of();
    private static final int SIGNING_KEY_CACHE_LIMIT = 10_000;

    private final Function<String, KeyMaterial> keys;
    private final Map<String, byte[]> signingKeys = new ConcurrentHashMap<>();
    private final ThreadLocal<Mac> mac = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private final ThreadLocal<MessageDigest> sha256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    public SigV4Verifier(Function<String, KeyMaterial> keys) {
        this.keys = keys;
    }

    /** Parses the credential scope without verifying (used when verification is switched off). */
    public SignedRequest scopeOf(HttpCall call) {
        String authorization = call.header("authorization");
        if (authorization == null || !authorization.startsWith(ALGORITHM)) {
            Map<String, String> query = call.queryParameters();
            if (ALGORITHM.equals(query.get("X-Amz-Algorithm"))) {
                return parsePresigned(query).scope;
            }
            throw new AuthenticationException(AuthFailure.MISSING_AUTHENTICATION);
        }
        return parse(authorization).scope;
    }

    public SignedRequest verify(HttpCall call, Instant now) {
        String authorization = call.header("authorization");
        boolean presigned = false;
        ParsedAuthorization parsed;
        String amzDate;
        String token;
        if (authorization != null && authorization.startsWith(ALGORITHM)) {
            parsed = parse(authorization);
            amzDate = call.header("x-amz-date");
            token = call.header("x-amz-security-token");
        } else {
            Map<String, String> query = call.queryParameters();
            if (!ALGORITHM.equals(query.get("X-Amz-Algorithm"))) {
                throw new AuthenticationException(AuthFailure.MISSING_AUTHENTICATION);
            }
            presigned = true;
            parsed = parsePresigned(query);
            amzDate = query.get("X-Amz-Date");
            token = query.get("X-Amz-Security-Token");
            checkNotExpired(amzDate, query.get("X-Amz-Expires"), now);
        }
        KeyMaterial key = keys.apply(parsed.scope.accessKeyId());
        if (key == null || !key.active()) {
            throw new AuthenticationException(AuthFailure.INVALID_CLIENT_TOKEN_ID);
        }
        if (amzDate == null || amzDate.length() < 8 || !amzDate.startsWith(parsed.scope.date())) {
            throw new AuthenticationException(AuthFailure.SIGNATURE_DOES_NOT_MATCH);
        }
        byte[] given;
        try {
            given = HEX.parseHex(parsed.signature);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException(AuthFailure.SIGNATURE_DOES_NOT_MATCH);
        }
        byte[] signingKey = signingKey(key.secretAccessKey(), parsed.scope);
        boolean matches = false;
        for (String payloadHash : payloadHashes(call, presigned)) {
            String canonical = canonicalRequest(call, parsed.signedHeaders, payloadHash);
            String stringToSign = ALGORITHM + '\n' + amzDate + '\n' + parsed.scopeText + '\n'
                    + HEX.formatHex(digest(canonical.getBytes(StandardCharsets.UTF_8)));
            if (MessageDigest.isEqual(hmac(signingKey, stringToSign), given)) {
                matches = true;
                break;
            }
        }
        if (!matches) {
            throw new AuthenticationException(AuthFailure.SIGNATURE_DOES_NOT_MATCH);
        }
        if (key.temporary()) {
            if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                    key.sessionToken().getBytes(StandardCharsets.UTF_8))) {
                throw new AuthenticationException(AuthFailure.INVALID_CLIENT_TOKEN_ID);
            }
            if (!now.isBefore(key.expiration())) {
                throw new AuthenticationException(AuthFailure.EXPIRED_TOKEN);
            }
        }
        return parsed.scope;
    }

    private record ParsedAuthorization(SignedRequest scope, String scopeText, List<String> signedHeaders,
                                       String signature) {
    }

    private static ParsedAuthorization parse(String authorization) {
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : authorization.substring(ALGORITHM.length()).split(",")) {
            String p = part.trim();
            if (p.startsWith("Credential=")) {
                credential = p.substring("Credential=".length());
            } else if (p.startsWith("SignedHeaders=")) {
                signedHeaders = p.substring("SignedHeaders=".length());
            } else if (p.startsWith("Signature=")) {
                signature = p.substring("Signature=".length());
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE);
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
            throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE);
        }
        return new ParsedAuthorization(new SignedRequest(scope[0], scope[1], scope[2], scope[3]),
                scope[1] + '/' + scope[2] + '/' + scope[3] + "/aws4_request",
                List.of(signedHeaders.split(";")), signature);
    }

    /** The payload hashes a signer may have used: the declared one, or the body's (presigned: also unsigned). */
    private List<String> payloadHashes(HttpCall call, boolean presigned) {
        String declared = call.header("x-amz-content-sha256");
        if (declared != null) {
            return List.of(declared);
        }
        String hashed = HEX.formatHex(digest(call.body()));
        return presigned ? List.of(hashed, "UNSIGNED-PAYLOAD") : List.of(hashed);
    }

    private static void checkNotExpired(String amzDate, String expires, Instant now) {
        try {
            Instant signedAt = java.time.LocalDateTime.parse(amzDate,
                    java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")).toInstant(java.time.ZoneOffset.UTC);
            long seconds = Long.parseLong(expires);
            if (seconds < 1 || seconds > 604_800) {
                throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE);
            }
            if (now.isAfter(signedAt.plusSeconds(seconds))) {
                throw new AuthenticationException(AuthFailure.SIGNATURE_EXPIRED);
            }
        } catch (RuntimeException e) {
            if (e instanceof AuthenticationException auth) {
                throw auth;
            }
            throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE);
        }
    }

    private static ParsedAuthorization parsePresigned(Map<String, String> query) {
        String credential = query.get("X-Amz-Credential");
        String signedHeaders = query.get("X-Amz-SignedHeaders");
        String signature = query.get("X-Amz-Signature");
        if (credential == null || signedHeaders == null || signature == null || query.get("X-Amz-Date") == null
                || query.get("X-Amz-Expires") == null) {
            throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE);
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
            throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE);
        }
        return new ParsedAuthorization(new SignedRequest(scope[0], scope[1], scope[2], scope[3]),
                scope[1] + '/' + scope[2] + '/' + scope[3] + "/aws4_request",
                List.of(signedHeaders.split(";")), signature);
    }

    private String canonicalRequest(HttpCall call, List<String> signedHeaders, String payloadHash) {
        StringBuilder b = new StringBuilder(512);
        b.append(call.method()).append('\n');
        b.append(canonicalUri(call.path())).append('\n');
        b.append(canonicalQuery(call.rawQuery())).append('\n');
        for (String name : signedHeaders) {
            String value = call.header(name);
            b.append(name).append(':').append(value == null ? "" : value.trim().replaceAll(" +", " ")).append('\n');
        }
        b.append('\n').append(String.join(";", signedHeaders)).append('\n');
        b.append(payloadHash);
        return b.toString();
    }

    private static String canonicalUri(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        StringBuilder b = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (b.length() > 0 || path.startsWith("/")) {
                b.append('/');
            }
            b.append(uriEncode(segment));
        }
        String result = b.toString();
        return result.startsWith("//") ? result.substring(1) : result;
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty() || pair.startsWith("X-Amz-Signature=")) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            pairs.add(new String[] {uriEncode(name), uriEncode(value)});
        }
        pairs.sort((a, c) -> a[0].equals(c[0]) ? a[1].compareTo(c[1]) : a[0].compareTo(c[0]));
        StringBuilder b = new StringBuilder();
        for (String[] p : pairs) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(p[0]).append('=').append(p[1]);
        }
        return b.toString();
    }

    private static String decode(String text) {
        try {
            return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    static String uriEncode(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (byte raw : text.getBytes(StandardCharsets.UTF_8)) {
            int c = raw & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }

    private byte[] signingKey(String secret, SignedRequest scope) {
        String cacheKey = secret + '/' + scope.date() + '/' + scope.region() + '/' + scope.service();
        byte[] cached = signingKeys.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        byte[] kDate = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope.date());
        byte[] kRegion = hmac(kDate, scope.region());
        byte[] kService = hmac(kRegion, scope.service());
        byte[] kSigning = hmac(kService, "aws4_request");
        if (signingKeys.size() >= SIGNING_KEY_CACHE_LIMIT) {
            signingKeys.clear();
        }
        signingKeys.put(cacheKey, kSigning);
        return kSigning;
    }

    private byte[] hmac(byte[] key, String data) {
        Mac m = mac.get();
        try {
            m.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return m.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] digest(byte[] data) {
        MessageDigest d = sha256.get();
        d.reset();
        return d.digest(data);
    }
}

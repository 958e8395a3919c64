package io.accessloop.sandbox.s3;

import io.accessloop.sandbox.core.AwsError;
import io.accessloop.sandbox.protocol.HttpCall;
import io.accessloop.sandbox.protocol.HttpReply;
import io.accessloop.sandbox.protocol.QueryXml;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A minimal Amazon S3 over its REST-XML protocol, path-style ({@code /bucket/key}): CreateBucket, PutObject,
 * GetObject and ListObjectsV2 — what CloudTrail log delivery and reading need. Requests are recognised by their
 * SigV4 scope (service {@code s3}); authentication, authorisation and CloudTrail recording are the engine's.
 */
public final class S3Api {

    public static final String SERVICE = "s3";
    private static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern HEX_HASH = Pattern.compile("[0-9a-f]{64}");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** One routed request: the operation (IAM action name), bucket and key (null for bucket operations). */
    public record Route(String operation, String permission, String bucket, String key) {

        /** The ARN the call is authorised on. */
        public String resource() {
            return key == null ? "arn:aws:s3:::" + bucket : "arn:aws:s3:::" + bucket + "/" + key;
        }

        public boolean readOnly() {
            return operation.startsWith("Get") || operation.startsWith("List");
        }
    }

    private final S3Store store = new S3Store();

    /** Whether the request is signed for S3 (header or presigned URL credential scope). */
    public static boolean handles(HttpCall call) {
        String authorization = call.header("authorization");
        if (authorization != null && authorization.contains("/" + SERVICE + "/aws4_request")) {
            return true;
        }
        String credential = call.queryParameters().get("X-Amz-Credential");
        return credential != null && credential.endsWith("/" + SERVICE + "/aws4_request");
    }

    /** The operation at a method and path; throws for anything this S3 does not speak. */
    public static Route route(HttpCall call) {
        String path = call.path();
        String rest = path.startsWith("/") ? path.substring(1) : path;
        int slash = rest.indexOf('/');
        String bucket = decode(slash < 0 ? rest : rest.substring(0, slash));
        String key = slash < 0 || slash == rest.length() - 1 ? null : decode(rest.substring(slash + 1));
        if (bucket.isEmpty()) {
            throw new AwsError("NotImplemented", 501, "ListBuckets is not implemented by the sandbox's S3.");
        }
        if (!BUCKET.matcher(bucket).matches()) {
            throw new AwsError("InvalidBucketName", 400, "The specified bucket is not valid.");
        }
        String method = call.method();
        if (key == null) {
            if (method.equals("PUT")) {
                return new Route("CreateBucket", "s3:CreateBucket", bucket, null);
            }
            if (method.equals("GET") && "2".equals(call.queryParameters().get("list-type"))) {
                return new Route("ListObjectsV2", "s3:ListBucket", bucket, null);
            }
        } else if (method.equals("PUT")) {
            return new Route("PutObject", "s3:PutObject", bucket, key);
        } else if (method.equals("GET")) {
            return new Route("GetObject", "s3:GetObject", bucket, key);
        }
        throw new AwsError("NotImplemented", 501, "The sandbox's S3 does not implement " + method + " " + path
                + (call.rawQuery() == null ? "" : "?" + call.rawQuery()) + ".");
    }

    /** Performs an authorised call. */
    public HttpReply handle(Route route, HttpCall call, Instant now, String requestId) {
        return switch (route.operation()) {
            case "CreateBucket" -> {
                store.createBucket(route.bucket());
                yield reply(200, "application/xml", new byte[0], requestId).withHeaders(Map.of("Location",
                        "/" + route.bucket(), "x-amz-request-id", requestId));
            }
            case "PutObject" -> {
                byte[] data = payload(call);
                S3Store.StoredObject o = store.put(route.bucket(), route.key(), data, now);
                yield reply(200, "application/xml", new byte[0], requestId).withHeaders(Map.of("ETag",
                        "\"" + o.etag() + "\"", "x-amz-request-id", requestId));
            }
            case "GetObject" -> {
                S3Store.StoredObject o = store.get(route.bucket(), route.key());
                yield reply(200, "application/octet-stream", o.data(), requestId).withHeaders(Map.of("ETag",
                        "\"" + o.etag() + "\"", "Last-Modified", HTTP_DATE.format(o.lastModified()),
                        "x-amz-request-id", requestId));
            }
            case "ListObjectsV2" -> list(route.bucket(), call.queryParameters(), requestId);
            default -> throw new AwsError("NotImplemented", 501, "Not implemented");
        };
    }

    public void clear() {
        store.clear();
    }

    private HttpReply list(String bucket, Map<String, String> query, String requestId) {
        String prefix = query.getOrDefault("prefix", "");
        int max = 1000;
        if (query.containsKey("max-keys")) {
            try {
                max = Integer.parseInt(query.get("max-keys"));
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 0) {
                throw new AwsError("InvalidArgument", 400, "Provided max-keys not an integer or within integer "
                        + "range");
            }
            max = Math.min(max, 1000);
        }
        String token = query.get("continuation-token");
        String after = query.get("start-after");
        if (token != null) {
            try {
                after = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new AwsError("InvalidArgument", 400, "The continuation token provided is incorrect");
            }
        }
        S3Store.Listing page = store.list(bucket, prefix, after, max);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult xmlns=\"")
                .append(NS).append("\"><Name>").append(QueryXml.escape(bucket)).append("</Name><Prefix>")
                .append(QueryXml.escape(prefix)).append("</Prefix><KeyCount>").append(page.objects().size())
                .append("</KeyCount><MaxKeys>").append(max).append("</MaxKeys><IsTruncated>")
                .append(page.truncated()).append("</IsTruncated>");
        if (token != null) {
            xml.append("<ContinuationToken>").append(QueryXml.escape(token)).append("</ContinuationToken>");
        }
        if (query.get("start-after") != null) {
            xml.append("<StartAfter>").append(QueryXml.escape(query.get("start-after"))).append("</StartAfter>");
        }
        for (S3Store.StoredObject o : page.objects()) {
            xml.append("<Contents><Key>").append(QueryXml.escape(o.key())).append("</Key><LastModified>")
                    .append(o.lastModified()).append("</LastModified><ETag>&quot;").append(o.etag())
                    .append("&quot;</ETag><Size>").append(o.data().length)
                    .append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
        }
        if (page.truncated()) {
            xml.append("<NextContinuationToken>").append(Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(page.lastKey().getBytes(StandardCharsets.UTF_8))).append("</NextContinuationToken>");
        }
        xml.append("</ListBucketResult>");
        return reply(200, "application/xml", xml.toString().getBytes(StandardCharsets.UTF_8), requestId);
    }

    /**
     * The object's bytes: {@code aws-chunked} bodies (streaming uploads) are unwrapped; a declared payload hash
     * must match the bytes (the signature covers the hash, so the bytes are what was signed).
     */
    static byte[] payload(HttpCall call) {
        String declared = call.header("x-amz-content-sha256");
        String encoding = call.header("content-encoding");
        byte[] body = call.body();
        boolean chunked = declared != null && declared.startsWith("STREAMING-")
                || encoding != null && encoding.toLowerCase(Locale.ROOT).contains("aws-chunked");
        if (chunked) {
            return unchunk(body);
        }
        if (declared != null && HEX_HASH.matcher(declared).matches() && !declared.equals(sha256(body))) {
            throw new AwsError("XAmzContentSHA256Mismatch", 400, "The provided 'x-amz-content-sha256' header does "
                    + "not match what was computed.");
        }
        return body;
    }

    /** Decodes {@code <hex size>[;chunk-signature=…]\r\n<data>\r\n…0…\r\n[trailers]\r\n}. */
    static byte[] unchunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        int at = 0;
        while (true) {
            int lineEnd = indexOfCrlf(body, at);
            if (lineEnd < 0) {
                throw new AwsError("IncompleteBody", 400, "The request body ended inside a chunk header.");
            }
            String header = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII);
            int semicolon = header.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon < 0 ? header : header.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new AwsError("InvalidRequest", 400, "Malformed aws-chunked body.");
            }
            at = lineEnd + 2;
            if (size == 0) {
                return out.toByteArray();
            }
            if (size < 0 || at + size > body.length) {
                throw new AwsError("IncompleteBody", 400, "The request body ended inside a chunk.");
            }
            out.write(body, at, size);
            at += size + 2;
        }
    }

    private static int indexOfCrlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** An S3 error document. */
    public static HttpReply error(AwsError error, String requestId) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + QueryXml.escape(error.code())
                + "</Code><Message>" + QueryXml.escape(error.getMessage()) + "</Message><RequestId>" + requestId
                + "</RequestId></Error>";
        return reply(error.status(), "application/xml", xml.getBytes(StandardCharsets.UTF_8), requestId);
    }

    private static HttpReply reply(int status, String type, byte[] body, String requestId) {
        return HttpReply.of(status, type, body).withHeaders(Map.of("x-amz-request-id", requestId));
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}

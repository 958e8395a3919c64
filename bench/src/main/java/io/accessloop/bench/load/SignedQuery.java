package io.accessloop.bench.load;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/** An AWS Query-protocol POST (form body) signed with SigV4 the way the SDKs sign it. */
public final class SignedQuery {

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final AwsCredentialsIdentity credentials;
    private final URI endpoint;
    private final String service;

    public SignedQuery(URI endpoint, String service, String accessKeyId, String secretAccessKey) {
        this(endpoint, service, AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }

    /** Signs with any identity, e.g. session credentials (the signer then adds {@code X-Amz-Security-Token}). */
    public SignedQuery(URI endpoint, String service, AwsCredentialsIdentity credentials) {
        this.endpoint = endpoint;
        this.service = service;
        this.credentials = credentials;
    }

    public HttpRequest request(String formBody) {
        byte[] body = formBody.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials)
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        HttpRequest.Builder http = HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.request().headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> http.header(name, value));
            }
        });
        return http.build();
    }
}

package io.accessloop.sandbox;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** SigV4-signed raw requests, for bodies no SDK would send. */
final class SignedHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SignedHttp() {
    }

    static HttpResponse<String> send(AwsCredentials credentials, String service, String method, String pathAndQuery,
                                     String contentType, String body) throws Exception {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.fromValue(method))
                .uri(AwsClients.endpoint().resolve(pathAndQuery)).putHeader("Content-Type", contentType).build();
        var signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials).request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
        HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(signed.getUri().toString()))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                values.forEach(v -> out.header(name, v));
            }
        });
        return HTTP.send(out.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}

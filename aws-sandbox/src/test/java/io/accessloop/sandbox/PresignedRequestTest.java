package io.accessloop.sandbox;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Query-string (presigned) SigV4, as used to prove an identity with a presigned GetCallerIdentity URL. */
@QuarkusTest
class PresignedRequestTest extends SandboxTestBase {

    private static SdkHttpRequest presign(Duration validity) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.GET)
                .uri(AwsClients.endpoint().resolve("/"))
                .putRawQueryParameter("Action", "GetCallerIdentity")
                .putRawQueryParameter("Version", "2011-06-15").build();
        return AwsV4HttpSigner.create().sign(r -> r.identity(AwsClients.ROOT).request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, validity)).request();
    }

    private static HttpResponse<String> get(SdkHttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(request.getUri().toString())).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPresignedUrlIdentifiesItsSignerUntilItExpires() throws Exception {
        SdkHttpRequest presigned = presign(Duration.ofMinutes(5));
        HttpResponse<String> response = get(presigned);
        assertThat(response.statusCode()).as(presigned.getUri() + " -> " + response.body()).isEqualTo(200);
        assertThat(response.body()).contains("<Arn>arn:aws:iam::000000000000:root</Arn>");

        String tampered = presigned.getUri().toString().replace("GetCallerIdentity", "GetSessionToken");
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(tampered)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("<Code>SignatureDoesNotMatch</Code>");

        sandbox.clock().advance(Duration.ofMinutes(6));
        HttpResponse<String> expired = get(presigned);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("Signature expired");
    }
}

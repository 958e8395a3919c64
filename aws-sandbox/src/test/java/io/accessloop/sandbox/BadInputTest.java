package io.accessloop.sandbox;

import io.accessloop.sandbox.core.Json;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Signed requests full of bad input: every answer is an AWS error envelope with a 4xx, never a 500. */
@QuarkusTest
class BadInputTest extends SandboxTestBase {

    private static final List<String> GARBAGE = List.of("RoleName=bad%20name!", "UserName=", "GroupName=%00",
            "PolicyName=" + "x".repeat(300), "PolicyDocument=%7Bnot", "AssumeRolePolicyDocument=%5B%5D",
            "PolicyArn=arn%3Aaws%3Aiam%3A%3A000000000000%3Apolicy%2Fnope", "MaxItems=abc", "MaxItems=0",
            "Marker=%%%", "Path=no-slashes", "Tags.member.1.Key=", "Tags.member.1.Value=v", "DurationSeconds=-5",
            "RoleArn=arn", "RoleSessionName=%20", "Status=Maybe", "VersionId=v99", "AccessKeyId=AKIA0",
            "SerialNumber=nope", "AuthenticationCode1=abc", "Password=short", "MaxSessionDuration=1",
            "JobId=none", "Arn=arn%3Aaws%3As3%3A%3A%3Abucket", "Granularity=WEIRD", "ActionNames.member.1=",
            "PolicySourceArn=junk", "Scope=Everything", "EntityFilter=Aliens", "Policy=%7B", "Name=x");

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String service, String body, String target) throws Exception {
        SdkHttpFullRequest.Builder builder = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST)
                .uri(AwsClients.endpoint().resolve("/"))
                .putHeader("Content-Type", target == null ? "application/x-www-form-urlencoded; charset=utf-8"
                        : "application/x-amz-json-1.1");
        if (target != null) {
            builder.putHeader("X-Amz-Target", target);
        }
        SdkHttpFullRequest request = builder.build();
        var signed = AwsV4HttpSigner.create().sign(r -> r.identity(AwsClients.ROOT).request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
        HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(signed.getUri().toString()))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                values.forEach(v -> out.header(name, v));
            }
        });
        return http.send(out.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void everyIamAndStsActionAnswersGarbageWithAnAwsError() throws Exception {
        iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(trustAccount()));
        iam.createUser(r -> r.userName("alice"));
        Random random = new Random(42);
        List<String> actions = new ArrayList<>(new TreeSet<>(sandbox.iamActionNames()));
        actions.addAll(List.of("AssumeRole", "GetSessionToken", "GetFederationToken"));
        for (String action : actions) {
            String version = List.of("AssumeRole", "GetSessionToken", "GetFederationToken").contains(action)
                    ? "2011-06-15" : "2010-05-08";
            for (int attempt = 0; attempt < 4; attempt++) {
                StringBuilder body = new StringBuilder("Action=" + action + "&Version=" + version);
                for (int i = 0; i < attempt * 3; i++) {
                    body.append('&').append(GARBAGE.get(random.nextInt(GARBAGE.size())));
                }
                HttpResponse<String> response = send(version.equals("2011-06-15") ? "sts" : "iam", body.toString(),
                        null);
                assertThat(response.body()).as(action + " " + body).doesNotContain("SignatureDoesNotMatch")
                        .doesNotContain("InvalidAction");
                if (response.statusCode() >= 400) {
                    assertThat(response.statusCode()).as(action + " " + body).isLessThan(500);
                    assertThat(response.body()).as(action + " " + body).contains("<ErrorResponse").contains("<Code>");
                }
            }
        }
        assertThat(iam.getRole(r -> r.roleName("app")).role().roleName()).isEqualTo("app");
    }

    @Test
    void jsonServicesAnswerMalformedBodiesWithAwsErrors() throws Exception {
        List<String> bodies = List.of("{not json", "[]", "{\"resourceType\":5}", "{\"resourceType\":\"AWS::IAM::Role\"}",
                "{\"resourceType\":\"nonsense\",\"resourceId\":\"x\"}", "{\"LookupAttributes\":\"x\"}",
                "{\"MaxResults\":\"many\"}", "{\"StartTime\":\"yesterday\"}", "{\"resourceKeys\":[{}]}",
                "{\"limit\":-1,\"resourceType\":\"AWS::IAM::User\"}", "{\"NextToken\":12}",
                "{\"LookupAttributes\":[{\"AttributeKey\":\"EventName\"}]}");
        List<String> targets = List.of("StarlingDoveService.GetResourceConfigHistory",
                "StarlingDoveService.ListDiscoveredResources", "StarlingDoveService.BatchGetResourceConfig",
                "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents",
                "StarlingDoveService.NoSuchOperation");
        for (String target : targets) {
            for (String body : bodies) {
                HttpResponse<String> response = send(target.startsWith("Starling") ? "config" : "cloudtrail", body,
                        target);
                assertThat(response.body()).as(target + " " + body).doesNotContain("InvalidSignature");
                if (response.statusCode() >= 400) {
                    assertThat(response.statusCode()).as(target + " " + body).isLessThan(500);
                    assertThat(Json.tryParse(response.body().getBytes(StandardCharsets.UTF_8)).has("__type"))
                            .as(target + " " + body).isTrue();
                }
            }
        }
    }
}

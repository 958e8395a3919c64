package io.accessloop.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.testsupport.SandboxResource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** What the sandbox's CloudTrail recorded: its events by name, and the successful writes of a revocation policy. */
public final class PolicyWrites {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyWrites() {
    }

    public static long of(String roleName) {
        return events("PutRolePolicy").stream()
                .filter(record -> record.path("errorCode").isMissingNode())
                .map(record -> record.path("requestParameters"))
                .filter(parameters -> roleName.equals(parameters.path("roleName").asText())
                        && "accessloop-revocations".equals(parameters.path("policyName").asText()))
                .count();
    }

    /** Every recorded event called {@code eventName}, as its CloudTrail JSON record. */
    public static List<JsonNode> events(String eventName) {
        List<JsonNode> found = new ArrayList<>();
        try (CloudTrailClient trail = CloudTrailClient.builder()
                .region(Region.of(SandboxResource.REGION))
                .endpointOverride(SandboxResource.endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        SandboxResource.ACCESS_KEY, SandboxResource.SECRET_KEY)))
                .build()) {
            for (Event event : trail.lookupEventsPaginator(b -> b.lookupAttributes(a -> a
                    .attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue(eventName))).events()) {
                found.add(JSON.readTree(event.cloudTrailEvent()));
            }
            return found;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

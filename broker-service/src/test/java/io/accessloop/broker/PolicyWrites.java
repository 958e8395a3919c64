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

/** Successful writes of a role's revocation policy, as the sandbox's CloudTrail recorded them. */
public final class PolicyWrites {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyWrites() {
    }

    public static long of(String roleName) {
        try (CloudTrailClient trail = CloudTrailClient.builder()
                .region(Region.of(SandboxResource.REGION))
                .endpointOverride(SandboxResource.endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        SandboxResource.ACCESS_KEY, SandboxResource.SECRET_KEY)))
                .build()) {
            long writes = 0;
            for (Event event : trail.lookupEventsPaginator(b -> b.lookupAttributes(a -> a
                    .attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("PutRolePolicy"))).events()) {
                JsonNode record = JSON.readTree(event.cloudTrailEvent());
                JsonNode parameters = record.path("requestParameters");
                if (record.path("errorCode").isMissingNode() && roleName.equals(parameters.path("roleName").asText())
                        && "accessloop-revocations".equals(parameters.path("policyName").asText())) {
                    writes++;
                }
            }
            return writes;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

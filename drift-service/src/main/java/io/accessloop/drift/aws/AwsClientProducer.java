package io.accessloop.drift.aws;

import io.accessloop.kit.aws.AwsClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.iam.IamClient;

/** The SDK clients drift uses, all from the one {@code accessloop.aws.*} group. */
@ApplicationScoped
public class AwsClientProducer {

    @Produces
    @ApplicationScoped
    ConfigClient config(AwsClients clients) {
        return clients.build(ConfigClient.builder());
    }

    @Produces
    @ApplicationScoped
    IamClient iam(AwsClients clients) {
        return clients.build(IamClient.builder());
    }

    @Produces
    @ApplicationScoped
    CloudTrailClient cloudTrail(AwsClients clients) {
        return clients.build(CloudTrailClient.builder());
    }

    void close(@Disposes ConfigClient client) {
        client.close();
    }

    void close(@Disposes IamClient client) {
        client.close();
    }

    void close(@Disposes CloudTrailClient client) {
        client.close();
    }
}

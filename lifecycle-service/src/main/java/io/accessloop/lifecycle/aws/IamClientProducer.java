package io.accessloop.lifecycle.aws;

import io.accessloop.kit.aws.AwsClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.services.iam.IamClient;

/** The one IAM client of the service, built from {@code accessloop.aws.*}. */
@ApplicationScoped
public class IamClientProducer {

    @Produces
    @ApplicationScoped
    IamClient iam(AwsClients clients) {
        return clients.build(IamClient.builder());
    }

    void close(@Disposes IamClient client) {
        client.close();
    }
}

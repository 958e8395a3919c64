package io.accessloop.drift.rightsizing.aws;

import io.accessloop.kit.aws.AwsClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The SDK clients right-sizing uses, built from {@code accessloop.aws.*}. Kept private to this feature (no CDI
 * producer) so the rest of drift-service can produce its own clients without ambiguity.
 */
@ApplicationScoped
public class RightsizingAws {

    private final AwsClients clients;
    private volatile IamClient iam;
    private volatile CloudTrailClient cloudTrail;

    RightsizingAws(AwsClients clients) {
        this.clients = clients;
    }

    synchronized IamClient iam() {
        if (iam == null) {
            iam = clients.build(IamClient.builder());
        }
        return iam;
    }

    synchronized CloudTrailClient cloudTrail() {
        if (cloudTrail == null) {
            cloudTrail = clients.build(CloudTrailClient.builder());
        }
        return cloudTrail;
    }

    @PreDestroy
    synchronized void close() {
        if (iam != null) {
            iam.close();
        }
        if (cloudTrail != null) {
            cloudTrail.close();
        }
    }
}

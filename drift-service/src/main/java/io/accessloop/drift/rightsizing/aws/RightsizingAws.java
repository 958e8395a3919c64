package io.accessloop.drift.rightsizing.aws;

import io.accessloop.drift.rightsizing.config.RightsizingSettings;
import io.accessloop.kit.aws.AwsClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The SDK clients right-sizing uses, built from {@code accessloop.aws.*}. Kept private to this feature (no CDI
 * producer) so the rest of drift-service can produce its own clients without ambiguity.
 */
@ApplicationScoped
public class RightsizingAws {

    private final AwsClients clients;
    private volatile IamClient iam;
    private volatile CloudTrailClient cloudTrail;
    private volatile S3Client s3;
    private final RightsizingSettings settings;

    RightsizingAws(AwsClients clients, RightsizingSettings settings) {
        this.clients = clients;
        this.settings = settings;
    }

    synchronized S3Client s3() {
        if (s3 == null) {
            // log files are read as streams: checksums of whole objects are not computed on the way
            s3 = clients.build(S3Client.builder().forcePathStyle(settings.logBucketPathStyle())
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        }
        return s3;
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
        if (s3 != null) {
            s3.close();
        }
    }
}

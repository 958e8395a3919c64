package io.accessloop.kit.aws;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.util.Optional;

/** The one group of settings that feeds every AWS SDK client of a service. */
@ConfigMapping(prefix = "accessloop.aws")
public interface AwsSettings {

    /** Region of regional clients; IAM is global and always signs for us-east-1. */
    @WithDefault("us-east-1")
    String region();

    /** Endpoint of a local AWS account such as the aws-sandbox; empty for real AWS. */
    Optional<URI> endpointOverride();

    /** Static access key id; empty means the SDK's default credentials chain. */
    Optional<String> accessKeyId();

    /** Static secret access key, used with {@link #accessKeyId()}. */
    Optional<String> secretAccessKey();
}

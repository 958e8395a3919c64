package io.accessloop.kit.aws;

import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** Builds any AWS SDK sync client from {@link AwsSettings}, so every client of a service is set up alike. */
@ApplicationScoped
public class AwsClients {

    private final AwsSettings settings;

    AwsClients(AwsSettings settings) {
        this.settings = settings;
    }

    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
        builder.region(Region.of(settings.region()))
                .credentialsProvider(credentials());
        builder.httpClientBuilder(UrlConnectionHttpClient.builder());
        settings.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public AwsCredentialsProvider credentials() {
        if (settings.accessKeyId().isPresent() && settings.secretAccessKey().isPresent()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKeyId().get(), settings.secretAccessKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}

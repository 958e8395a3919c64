package io.accessloop.kit.metrics;

import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;

import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous face Micrometer's CloudWatch registry asks for, answered by the synchronous client every service
 * already builds: the registry sends from its own publishing thread, so blocking there costs nothing, and no second
 * HTTP stack (Netty) is needed. Only {@code PutMetricData} is ever called.
 */
final class BlockingCloudWatch implements CloudWatchAsyncClient {

    private final CloudWatchClient client;

    BlockingCloudWatch(CloudWatchClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<PutMetricDataResponse> putMetricData(PutMetricDataRequest request) {
        try {
            return CompletableFuture.completedFuture(client.putMetricData(request));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public String serviceName() {
        return client.serviceName();
    }

    @Override
    public void close() {
        client.close();
    }
}

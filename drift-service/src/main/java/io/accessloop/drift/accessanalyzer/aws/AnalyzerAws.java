package io.accessloop.drift.accessanalyzer.aws;

import io.accessloop.kit.aws.AwsClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.iam.IamClient;

/** The SDK clients of the Access Analyzer feature, built from {@code accessloop.aws.*} on first use. */
@ApplicationScoped
public class AnalyzerAws {

    private final AwsClients clients;
    private AccessAnalyzerClient analyzer;
    private IamClient iam;

    AnalyzerAws(AwsClients clients) {
        this.clients = clients;
    }

    synchronized AccessAnalyzerClient analyzer() {
        if (analyzer == null) {
            analyzer = clients.build(AccessAnalyzerClient.builder());
        }
        return analyzer;
    }

    synchronized IamClient iam() {
        if (iam == null) {
            iam = clients.build(IamClient.builder());
        }
        return iam;
    }

    @PreDestroy
    synchronized void close() {
        if (analyzer != null) {
            analyzer.close();
        }
        if (iam != null) {
            iam.close();
        }
    }
}

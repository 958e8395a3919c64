package io.accessloop.drift.aws;

import io.accessloop.drift.inventory.domain.CredentialReport;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ReportStateType;

/** {@link CredentialReport} over IAM: generates a fresh report (polling until complete) and downloads it. */
public class IamCredentialReport implements CredentialReport {

    private static final int ATTEMPTS = 20;

    private final IamClient client;

    IamCredentialReport(IamClient client) {
        this.client = client;
    }

    @Override
    public String csv() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (client.generateCredentialReport().state() == ReportStateType.COMPLETE) {
                return client.getCredentialReport().content().asUtf8String();
            }
            pause();
        }
        throw new IllegalStateException("IAM did not finish the credential report in time");
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the credential report", e);
        }
    }
}

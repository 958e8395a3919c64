package io.accessloop.sandbox;

import io.accessloop.sandbox.engine.Sandbox;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.iam.IamClient;

/** Every test starts from an empty account with the real clock. */
public abstract class SandboxTestBase {

    protected static final String ACCOUNT = "000000000000";

    @Inject
    protected Sandbox sandbox;

    protected IamClient iam;

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
        iam = AwsClients.iam(AwsClients.ROOT);
    }

    @AfterEach
    void closeClients() {
        iam.close();
    }

    protected static String trustAccount() {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                + ACCOUNT + ":root\"},\"Action\":[\"sts:AssumeRole\",\"sts:SetSourceIdentity\",\"sts:TagSession\"]}]}";
    }

    protected static String allow(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }
}

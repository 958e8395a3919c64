package io.accessloop.broker.aws;

import io.accessloop.broker.credentials.domain.AwsRefusal;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.function.Supplier;

/** Turns SDK failures into {@link AwsRefusal}, keeping AWS's code and message (which never carry a secret). */
public final class AwsErrors {

    private AwsErrors() {
    }

    public static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() != null ? e.awsErrorDetails().errorCode() : "Unknown";
            String message = e.awsErrorDetails() != null ? e.awsErrorDetails().errorMessage() : e.getMessage();
            throw new AwsRefusal(code, e.statusCode(), what + ": " + code + ": " + message);
        } catch (SdkException e) {
            throw new AwsRefusal("ClientError", 0, what + ": " + e.getMessage());
        }
    }

    public static boolean isExplicitDeny(AwsServiceException e) {
        String code = e.awsErrorDetails() != null ? e.awsErrorDetails().errorCode() : "";
        String message = e.awsErrorDetails() != null ? e.awsErrorDetails().errorMessage() : "";
        return e.statusCode() == 403 && code != null && code.startsWith("AccessDenied")
                && message != null && message.contains("explicit deny");
    }
}

package io.accessloop.drift.accessanalyzer.domain;

import java.time.Instant;
import java.util.List;

/** Port: IAM Access Analyzer policy generation from CloudTrail; {@link UnavailableException} when AWS refuses or does not answer. */
public interface PolicyGeneration {

    /** Access Analyzer refused the call or did not answer. */
    class UnavailableException extends RuntimeException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Starts a job for the principal over the period; returns the job id. */
    String start(String principalArn, Instant start, Instant end);

    /** The job's state; policies only when it succeeded. */
    Result result(String jobId);

    /**
     * @param status {@code IN_PROGRESS}, {@code SUCCEEDED}, {@code FAILED} or {@code CANCELED}
     * @param error  empty unless failed
     */
    record Result(String status, List<String> policies, String error) {

        public Result {
            policies = List.copyOf(policies);
            error = error == null ? "" : error;
        }

        public boolean done() {
            return !"IN_PROGRESS".equals(status);
        }
    }
}

package io.accessloop.drift.accessanalyzer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** IAM Access Analyzer settings ({@code accessloop.drift.access-analyzer.*}). */
@ConfigMapping(prefix = "accessloop.drift.access-analyzer")
public interface AccessAnalyzerSettings {

    /** How often unused-access findings are read and merged into findings and usage ({@code off} to disable). */
    @WithDefault("6h")
    String syncEvery();

    /** Whether every right-sizing proposal is also checked with CheckNoNewAccess and ValidatePolicy. */
    @WithDefault("true")
    boolean policyChecks();

    /** CloudTrail trail ARN policy generation reads (required by AWS; the sandbox ignores it). */
    Optional<String> generationTrailArn();

    /** Role Access Analyzer assumes to read the trail for policy generation (required by AWS). */
    Optional<String> generationAccessRole();

    /** How long a policy-generation request waits for the job before answering with it still running. */
    @WithDefault("PT20S")
    Duration generationWait();
}

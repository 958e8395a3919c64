package io.accessloop.drift.rightsizing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Right-sizing settings ({@code accessloop.drift.rightsizing.*}). */
@ConfigMapping(prefix = "accessloop.drift.rightsizing")
public interface RightsizingSettings {

    /** Usage window a proposal is computed over. */
    @WithDefault("P90D")
    Duration window();

    /** Default mode (recommend, approval, automatic); a principal's {@code accessloop:rightsizing} tag overrides it. */
    @WithDefault("approval")
    String mode();

    /** Actions (patterns) never removed from any principal; a principal's {@code accessloop:rightsizing-pinned} tag adds more. */
    Optional<List<String>> pinnedActions();

    /** Narrow resources to those observed (true) or keep the current resources of used actions (false). */
    @WithDefault("false")
    boolean resourceLevel();

    /** How long after apply AccessDenied errors of the principal are watched. */
    @WithDefault("PT24H")
    Duration watchPeriod();

    /** AccessDenied calls of the principal during the watch period that roll a proposal back. */
    @WithDefault("5")
    long rollbackThreshold();

    /** How far back the first LookupEvents poll reads (CloudTrail keeps 90 days). */
    @WithDefault("P90D")
    Duration lookback();

    /** Events younger than this are left for the next poll (CloudTrail delivers late). */
    @WithDefault("PT5M")
    Duration settle();

    /** Directory with CloudTrail log files in the S3 layout ({@code AWSLogs/…}); none when absent. */
    Optional<Path> logDirectory();

    /** S3 bucket CloudTrail delivers log files to; its log files are read once each. None when absent. */
    Optional<String> logBucket();

    /** Key prefix in the log bucket in front of {@code AWSLogs/} (the trail's S3 key prefix); none when absent. */
    Optional<String> logBucketPrefix();

    /** Address the log bucket path-style ({@code endpoint/bucket/key}), as S3-compatible endpoints need. */
    @WithDefault("false")
    boolean logBucketPathStyle();

    /** Whether CloudTrail events arriving through the EventBridge stream ({@code accessloop.aws.changes}) feed usage. */
    @WithDefault("true")
    boolean streamUsage();

    /** Whether Access Advisor is asked when a proposal is computed. */
    @WithDefault("true")
    boolean accessAdvisor();

    /** How often LookupEvents is polled ({@code off} to disable). */
    @WithDefault("5m")
    String collectEvery();

    /** How often applied proposals are checked for an AccessDenied spike ({@code off} to disable). */
    @WithDefault("1m")
    String watchEvery();

    /** When the daily run computes (and, in automatic mode, applies) proposals ({@code off} to disable). */
    @WithDefault("0 30 3 * * ?")
    String dailyCron();
}

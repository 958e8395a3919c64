package io.accessloop.drift.findings.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Drift rules: severities, allow-lists and thresholds. */
@ConfigMapping(prefix = "accessloop.drift.rules")
public interface RulesSettings {

    /** Severity per rule id (low, medium, high, critical), overriding the rule's default. */
    Map<String, String> severity();

    /** Rule ids that do not run. */
    Optional<List<String>> disabled();

    /** Accounts (besides the role's own) that trust policies may name without a finding, given sts:ExternalId. */
    Optional<List<String>> trustedAccounts();

    /** Inline policies using at least this share of IAM's per-principal quota are reported. */
    @WithDefault("90")
    int inlineSizeThresholdPercent();

    /** ARN patterns of human users (besides those with a console password) for the long-lived key rule. */
    Optional<List<String>> humanUsers();

    /** Active access keys older than this many days are reported. */
    @WithDefault("90")
    int maxAccessKeyAgeDays();

    /** Keys, passwords and users unused for more than this many days are reported. */
    @WithDefault("90")
    int unusedDays();

    /** Longest suppression a security engineer may set. */
    @WithDefault("P365D")
    Duration maxSuppression();

    /** How often expired suppressions are turned back to OPEN. */
    @WithDefault("30s")
    String suppressionSweepInterval();
}

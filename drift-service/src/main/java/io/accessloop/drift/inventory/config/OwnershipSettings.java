package io.accessloop.drift.inventory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Which principals Accessloop manages and which callers are Accessloop itself. */
@ConfigMapping(prefix = "accessloop.drift.ownership")
public interface OwnershipSettings {

    /** ARN patterns of Accessloop's own callers (the broker's and lifecycle's roles or users). */
    @WithDefault("arn:aws:iam::*:role/accessloop-*,arn:aws:sts::*:assumed-role/accessloop-*")
    List<String> accessloopActors();

    /** ARN patterns of principals managed by Accessloop beyond the tagged ones and the broker's roles. */
    Optional<List<String>> managedPrincipals();

    /** Tag that marks a principal as managed by Accessloop (value {@code true}). */
    @WithDefault("accessloop:managed")
    String managedTag();

    /** Name of the broker's inline revocation policy on roles. */
    @WithDefault("accessloop-revocations")
    String revocationPolicyName();

    /** How far apart a CloudTrail call and the Config item it caused may be to be joined. */
    @WithDefault("PT5M")
    Duration attributionWindow();

    /**
     * Ask CloudTrail LookupEvents who made a change when no pushed CloudTrail event names it. The change is recorded
     * at once and looked up afterwards by the attribution backfill ({@code accessloop.drift.attribution-backfill}).
     */
    @WithDefault("true")
    boolean trailLookup();
}

package io.accessloop.drift.inventory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The attribution backfill: changes recorded before their CloudTrail call was known are attributed afterwards, with
 * one CloudTrail LookupEvents query (event source {@code iam.amazonaws.com}, paged) per account and time window
 * covering many changes. Only active when {@code accessloop.drift.ownership.trail-lookup} is on.
 */
@ConfigMapping(prefix = "accessloop.drift.attribution-backfill")
public interface BackfillSettings {

    /**
     * How often waiting changes are looked up ({@code off} to disable). CloudTrail usually shows a call in
     * LookupEvents minutes after it was made, so a change is retried at this interval until it is found or given up.
     */
    @WithDefault("1m")
    String every();

    /** Longest span one lookup query covers; changes further apart are looked up in later queries. */
    @WithDefault("PT15M")
    Duration window();

    /** After this long without a matching call a change stays unattributed and is no longer looked up. */
    @WithDefault("PT30M")
    Duration giveUpAfter();

    /** How long a change looked up without finding its call waits before it is looked up again. */
    @WithDefault("PT1M")
    Duration retryAfter();

    /** LookupEvents requests per second and account (CloudTrail allows about 2). */
    @WithDefault("2")
    double requestsPerSecond();

    /** Most LookupEvents pages (50 events each) read per account in one run; the rest waits for the next run. */
    @WithDefault("40")
    int maxPages();

    /** Most waiting changes taken up in one run. */
    @WithDefault("2000")
    int batchSize();

    /** How long a run holds the changes it took up before another replica may take them over. */
    @WithDefault("PT5M")
    Duration lease();
}

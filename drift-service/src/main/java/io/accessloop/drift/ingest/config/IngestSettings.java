package io.accessloop.drift.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/**
 * How pushes to {@code POST /ingest/aws/events} authenticate (EventBridge API destination connection, or the access
 * key of an Amazon Data Firehose HTTP endpoint destination) and how much one push may carry.
 */
@ConfigMapping(prefix = "accessloop.drift.ingest")
public interface IngestSettings {

    /** Header carrying the API key (the connection's API key name). */
    @WithDefault("x-accessloop-api-key")
    String apiKeyHeader();

    /**
     * Accepted API keys; list two while rotating. A Firehose stream's access key ({@code X-Amz-Firehose-Access-Key})
     * is checked against the same list.
     */
    Optional<List<String>> apiKeys();

    /** User name for basic auth; empty disables basic auth. */
    Optional<String> basicUsername();

    /** Accepted basic-auth passwords; list two while rotating. */
    Optional<List<String>> basicPasswords();

    /** Largest body accepted, in bytes (EventBridge events are at most 256 KB). */
    @WithDefault("262144")
    int maxBodyBytes();

    /** SNS HTTPS subscriptions. */
    Sns sns();

    /** Amazon Data Firehose HTTP endpoint deliveries (batches of EventBridge events). */
    Firehose firehose();

    /** How concurrent pushes share database transactions (group commit). */
    Batch batch();

    /** Group commit of pushed notifications: each push is answered after the transaction holding it committed. */
    interface Batch {

        /** Most notifications one transaction stores. */
        @WithDefault("500")
        int maxSize();

        /** Notifications that may wait for a transaction; beyond that a push is answered 503 with Retry-After. */
        @WithDefault("10000")
        int maxPending();

        /** Total size of the notifications that may wait (bodies, in bytes); beyond that a push is answered 503. */
        @WithDefault("33554432")
        long maxPendingBytes();

        /** Ingest transactions running at once (the next batch gathers while these commit). */
        @WithDefault("2")
        int maxConcurrentCommits();
    }

    /**
     * Limits of one Firehose delivery. A delivery is stored in one transaction and waits in the group-commit queue as
     * one item, so it must fit in {@code batch.max-pending} (records) and {@code batch.max-pending-bytes} (bytes):
     * the service refuses to start otherwise, since a delivery the queue can never hold would be retried forever.
     */
    interface Firehose {

        /**
         * Largest delivery accepted, in bytes of JSON after any gzip decompression; larger ones are answered 413.
         * Firehose buffers up to 64 MiB, but a delivery is held in memory about three times over (body, decoded
         * records, statement parameters) while it is stored, and two commits may run at once; 8 MiB bounds that to
         * tens of MiB and still carries thousands of IAM changes. Set the stream's buffer size at or below it
         * (Firehose counts the buffer before its base64 encoding, so leave a quarter of headroom: 6 MiB). Above
         * 10 MiB also raise {@code quarkus.http.limits.max-body-size}.
         */
        @WithDefault("8388608")
        int maxBodyBytes();

        /** Most records one delivery may carry; more is answered 413 and nothing is stored. */
        @WithDefault("5000")
        int maxRecords();
    }

    /** How SNS deliveries are authenticated and subscriptions confirmed. */
    interface Sns {

        /** Verify SNS message signatures; turn off only where no SNS subscription can reach the endpoint. */
        @WithDefault("true")
        boolean verifySignatures();

        /** Hosts SigningCertURL may point to ({@code *} is one DNS label); always https. */
        @WithDefault("sns.*.amazonaws.com")
        List<String> certificateHosts();

        /** Hosts a SubscriptionConfirmation's SubscribeURL may point to; only those are fetched to confirm. */
        @WithDefault("sns.*.amazonaws.com")
        List<String> subscribeHosts();

        /** PEM file of extra CA certificates trusted when fetching from those hosts (default: the JVM's trust store). */
        Optional<String> trustCertificates();

        /** Signing certificates kept in memory. */
        @WithDefault("32")
        int certificateCacheSize();

        /** Timeout of fetching a certificate or confirming a subscription. */
        @WithDefault("PT5S")
        java.time.Duration fetchTimeout();
    }
}

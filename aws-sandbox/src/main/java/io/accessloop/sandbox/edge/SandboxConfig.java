package io.accessloop.sandbox.edge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the sandbox account ({@code accessloop.sandbox.*}, or the matching environment variables). */
@ConfigMapping(prefix = "accessloop.sandbox")
public interface SandboxConfig {

    /** The twelve-digit id of the one sandbox account. */
    @WithDefault("000000000000")
    String accountId();

    /** The region recorded for calls and change events (IAM is global; its events land in us-east-1). */
    @WithDefault("us-east-1")
    String region();

    /** The bootstrap key of the account root (LocalStack's test/test by default). */
    Bootstrap bootstrap();

    /** Verify SigV4 signatures; when false any signature of a known, valid key is accepted. */
    @WithDefault("true")
    boolean verifySignatures();

    /** The scenario seeded at start: {@code empty} or {@code demo}. */
    @WithDefault("empty")
    String scenario();

    /** How often the demo's workload roles act (a round of S3/SQS calls); 0 switches the activity off. */
    @WithDefault("0s")
    Duration demoActivityInterval();

    /** CloudTrail settings. */
    Cloudtrail cloudtrail();

    /** AWS Config change notifications. */
    ConfigNotifications configNotifications();

    /** The bootstrap key. */
    interface Bootstrap {
        /** Access key id of the account root. */
        @WithDefault("test")
        String accessKeyId();

        /** Secret access key of the account root. */
        @WithDefault("test")
        String secretAccessKey();
    }

    /** CloudTrail settings. */
    interface Cloudtrail {
        /** Where log files are written in the S3 layout ({@code AWSLogs/…}); none when absent. */
        Optional<Path> logDirectory();

        /** How often pending records are written to log files. */
        @WithDefault("5s")
        Duration flushInterval();

        /** How many events LookupEvents keeps (oldest dropped first). */
        @WithDefault("50000")
        int capacity();
    }

    /** Targets of EventBridge-shaped {@code Config Configuration Item Change} events. */
    interface ConfigNotifications {
        /** HTTP endpoints that receive each change event as a JSON POST. */
        Optional<List<String>> urls();

        /** Optional header sent with every notification (e.g. an API key header name). */
        Optional<String> headerName();

        /** Value of that header. */
        Optional<String> headerValue();
    }
}

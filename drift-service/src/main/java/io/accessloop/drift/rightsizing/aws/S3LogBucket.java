package io.accessloop.drift.rightsizing.aws;

import io.accessloop.drift.rightsizing.config.RightsizingSettings;
import io.accessloop.drift.rightsizing.domain.LogBucket;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.core.exception.SdkException;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** {@link LogBucket} over S3 {@code ListObjectsV2} and {@code GetObject} (the object streamed, never buffered whole). */
@ApplicationScoped
public class S3LogBucket implements LogBucket {

    /** CloudTrail's delivery layout under the configured prefix. */
    static final Pattern LOG_KEY = Pattern.compile(
            "(.*/)?AWSLogs/(o-[a-z0-9]+/)?\\d{12}/CloudTrail/[a-z0-9-]+/\\d{4}/\\d{2}/\\d{2}/[^/]+\\.json(\\.gz)?");

    private static final Logger LOG = Logger.getLogger(S3LogBucket.class);

    private final RightsizingAws aws;
    private final RightsizingSettings settings;

    S3LogBucket(RightsizingAws aws, RightsizingSettings settings) {
        this.aws = aws;
        this.settings = settings;
    }

    @Override
    public String name() {
        return settings.logBucket().orElseThrow(() -> new IllegalStateException("no log bucket configured"));
    }

    @Override
    public List<String> logFiles() {
        String prefix = settings.logBucketPrefix().orElse("");
        List<String> keys = new ArrayList<>();
        try {
            aws.s3().listObjectsV2Paginator(r -> r.bucket(name()).prefix(prefix)).contents().stream()
                    .map(S3Object::key).filter(k -> LOG_KEY.matcher(k).matches()).forEach(keys::add);
        } catch (NoSuchBucketException e) {
            LOG.warnf("CloudTrail log bucket %s does not exist; no log files read", name());
            return List.of();
        }
        return keys;
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return aws.s3().getObject(r -> r.bucket(name()).key(key));
        } catch (SdkException e) {
            throw new IOException("cannot read s3://" + name() + "/" + key + ": " + e.getMessage(), e);
        }
    }
}

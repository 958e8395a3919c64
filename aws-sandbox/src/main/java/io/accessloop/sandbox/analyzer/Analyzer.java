package io.accessloop.sandbox.analyzer;

import io.accessloop.sandbox.core.Doc;

import java.time.Instant;
import java.util.Map;

/** An IAM Access Analyzer analyzer of type {@code ACCOUNT_UNUSED_ACCESS}. */
public record Analyzer(String name, String arn, String type, Instant createdAt, int unusedAccessAgeDays,
                       Map<String, String> tags) {

    public static final String UNUSED_ACCESS = "ACCOUNT_UNUSED_ACCESS";

    Doc summary(Instant lastAnalyzedAt) {
        return Doc.of().with("arn", arn).with("name", name).with("type", type).with("createdAt", createdAt)
                .with("lastResourceAnalyzedAt", lastAnalyzedAt).with("status", "ACTIVE").with("tags", tags)
                .with("configuration", Doc.of().with("unusedAccess",
                        Doc.of().with("unusedAccessAge", unusedAccessAgeDays)));
    }
}

package io.accessloop.sandbox.iam;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A managed policy (customer or AWS managed) with up to five versions. */
public final class ManagedPolicy {
    final String name;
    final String path;
    final String id;
    final String arn;
    final String description;
    final Instant createDate;
    final boolean awsManaged;
    Instant updateDate;
    String defaultVersionId;
    int nextVersion = 1;
    final Map<String, Version> versions = new LinkedHashMap<>();
    final Map<String, String> tags = new LinkedHashMap<>();

    ManagedPolicy(String name, String path, String id, String arn, String description, Instant createDate,
                  boolean awsManaged) {
        this.name = name;
        this.path = path;
        this.id = id;
        this.arn = arn;
        this.description = description;
        this.createDate = createDate;
        this.awsManaged = awsManaged;
        this.updateDate = createDate;
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public String defaultDocument() {
        return versions.get(defaultVersionId).document();
    }

    /** One version of the document. */
    record Version(String versionId, String document, Instant createDate) {
    }
}

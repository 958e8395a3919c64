package io.accessloop.sandbox.iam;

import java.time.Instant;

/** A long-term access key of an IAM user. The secret is kept only to verify signatures. */
public final class AccessKey {
    final String id;
    final String secret;
    final String userName;
    final Instant createDate;
    volatile boolean active = true;
    volatile Instant lastUsedDate;
    volatile String lastUsedService;
    volatile String lastUsedRegion;

    AccessKey(String id, String secret, String userName, Instant createDate) {
        this.id = id;
        this.secret = secret;
        this.userName = userName;
        this.createDate = createDate;
    }

    public String id() {
        return id;
    }

    public String secret() {
        return secret;
    }

    public String userName() {
        return userName;
    }

    public boolean active() {
        return active;
    }

    public Instant createDate() {
        return createDate;
    }

    public Instant lastUsedDate() {
        return lastUsedDate;
    }

    public String lastUsedService() {
        return lastUsedService;
    }

    public void markUsed(Instant when, String service, String region) {
        lastUsedDate = when;
        lastUsedService = service;
        lastUsedRegion = region;
    }
}

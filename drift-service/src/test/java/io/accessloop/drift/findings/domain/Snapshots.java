package io.accessloop.drift.findings.domain;

import io.accessloop.drift.inventory.domain.AttachedPolicy;
import io.accessloop.drift.inventory.domain.IamSnapshot;
import io.accessloop.drift.inventory.domain.InlinePolicy;
import io.accessloop.drift.inventory.domain.ResourceType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds snapshots for rule tests. */
final class Snapshots {

    static final String ACCOUNT = "123456789012";
    static final Instant T0 = Instant.parse("2026-12-04T09:00:00Z");

    String name = "app";
    ResourceType type = ResourceType.ROLE;
    List<InlinePolicy> inline = new ArrayList<>();
    List<AttachedPolicy> attached = new ArrayList<>();
    String trust = trust("arn:aws:iam::" + ACCOUNT + ":root", false);
    String boundary;
    List<String> groups = new ArrayList<>();
    Map<String, String> tags = Map.of();
    String document;
    Integer attachments;
    Integer boundaryUses;
    Instant at = T0;

    static Snapshots role(String name) {
        Snapshots s = new Snapshots();
        s.name = name;
        return s;
    }

    static Snapshots user(String name) {
        Snapshots s = role(name);
        s.type = ResourceType.USER;
        s.trust = null;
        return s;
    }

    static Snapshots policy(String name, String document, int attachments) {
        Snapshots s = role(name);
        s.type = ResourceType.POLICY;
        s.trust = null;
        s.document = document;
        s.attachments = attachments;
        s.boundaryUses = 0;
        return s;
    }

    Snapshots inline(String policyName, String json) {
        inline.add(new InlinePolicy(policyName, json));
        return this;
    }

    Snapshots attach(String arn) {
        attached.add(new AttachedPolicy(arn.substring(arn.lastIndexOf('/') + 1), arn));
        return this;
    }

    Snapshots trust(String json) {
        trust = json;
        return this;
    }

    Snapshots boundary(String arn) {
        boundary = arn;
        return this;
    }

    Snapshots group(String group) {
        groups.add(group);
        return this;
    }

    Snapshots at(Instant when) {
        at = when;
        return this;
    }

    IamSnapshot build() {
        String kind = type == ResourceType.POLICY ? "policy" : type.name().toLowerCase();
        return new IamSnapshot(ACCOUNT, type, "ID" + name, name, "arn:aws:iam::" + ACCOUNT + ":" + kind + "/" + name, "/",
                T0, at, null, false, inline, attached, trust, boundary, groups, tags,
                document == null ? null : "v1", document, attachments, boundaryUses);
    }

    static String allow(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    static String trust(String principal, boolean externalId) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + principal
                + "\"},\"Action\":\"sts:AssumeRole\"" + (externalId
                ? ",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"x-123\"}}" : "") + "}]}";
    }
}

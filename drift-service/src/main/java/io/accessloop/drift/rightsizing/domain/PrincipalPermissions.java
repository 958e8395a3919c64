package io.accessloop.drift.rightsizing.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A principal's identity permissions as IAM holds them: inline policies, attached managed policies (with their
 * default version) and the permissions boundary. Documents are JSON text as IAM returns them (decoded).
 *
 * @param type     {@code role} or {@code user}
 * @param boundary the permissions boundary document, {@code null} when none
 * @param groups   a user's groups with their policies (part of its effective permissions); empty for roles
 */
public record PrincipalPermissions(String arn, String type, String name, Instant createdAt, Map<String, String> tags,
                                   List<InlinePolicy> inline, List<ManagedPolicy> managed, String boundaryArn,
                                   String boundary, List<GroupPolicies> groups) {

    /** Permissions without groups (roles, and users in no group). */
    public PrincipalPermissions(String arn, String type, String name, Instant createdAt, Map<String, String> tags,
                                List<InlinePolicy> inline, List<ManagedPolicy> managed, String boundaryArn,
                                String boundary) {
        this(arn, type, name, createdAt, tags, inline, managed, boundaryArn, boundary, List.of());
    }

    /**
     * A group the user is in, with the group's policies. The group is shared with its other members: right-sizing
     * never edits it; a user that needs less leaves it and keeps inline copies of what it uses.
     */
    public record GroupPolicies(String name, List<InlinePolicy> inline, List<ManagedPolicy> managed) {

        public GroupPolicies {
            inline = List.copyOf(inline);
            managed = List.copyOf(managed);
        }

        /** The group's policy documents by reference ({@code group:<name>/<inline name or managed ARN>}). */
        public Map<String, String> documents() {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            inline.forEach(p -> out.put(reference(name, p.name()), p.document()));
            managed.forEach(p -> out.put(reference(name, p.arn()), p.document()));
            return out;
        }

        public static String reference(String group, String policy) {
            return "group:" + group + "/" + policy;
        }
    }

    /** An inline policy. */
    public record InlinePolicy(String name, String document) {
    }

    /**
     * An attached managed policy.
     *
     * @param attachmentCount how many principals it is attached to (more than one: shared, never edited)
     * @param versionCreatedAt when its default version was created (the grant's age for the exemption rule)
     */
    public record ManagedPolicy(String arn, String name, String document, int attachmentCount,
                                Instant versionCreatedAt) {

        public boolean awsManaged() {
            return arn.startsWith("arn:aws:iam::aws:policy/");
        }

        public boolean shared() {
            return attachmentCount > 1 || awsManaged();
        }
    }

    public PrincipalPermissions {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        inline = List.copyOf(inline);
        managed = List.copyOf(managed);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** The group named, if the user is in it. */
    public java.util.Optional<GroupPolicies> group(String groupName) {
        return groups.stream().filter(g -> g.name().equals(groupName)).findFirst();
    }

    /** A group policy document by its reference ({@code group:<name>/<policy>}), null when there is none. */
    public String groupDocument(String reference) {
        for (GroupPolicies g : groups) {
            String doc = g.documents().get(reference);
            if (doc != null) {
                return doc;
            }
        }
        return null;
    }

    public boolean isRole() {
        return "role".equals(type);
    }

    /** The account id from the ARN. */
    public String accountId() {
        String[] parts = arn.split(":", 6);
        return parts.length > 4 ? parts[4] : "";
    }

    /** A stable digest of the permissions: a proposal applies only to the state it was computed from. */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder(arn).append('\n');
        inline.stream().sorted(Comparator.comparing(InlinePolicy::name))
                .forEach(p -> sb.append("inline ").append(p.name()).append(' ').append(Policies.canonical(p.document()))
                        .append('\n'));
        managed.stream().sorted(Comparator.comparing(ManagedPolicy::arn))
                .forEach(p -> sb.append("managed ").append(p.arn()).append(' ').append(Policies.canonical(p.document()))
                        .append('\n'));
        groups.stream().sorted(Comparator.comparing(GroupPolicies::name))
                .forEach(g -> g.documents().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> sb.append(e.getKey()).append(' ').append(Policies.canonical(e.getValue()))
                                .append('\n')));
        sb.append("boundary ").append(boundaryArn == null ? "-" : boundaryArn);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

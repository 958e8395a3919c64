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
 */
public record PrincipalPermissions(String arn, String type, String name, Instant createdAt, Map<String, String> tags,
                                   List<InlinePolicy> inline, List<ManagedPolicy> managed, String boundaryArn,
                                   String boundary) {

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
        sb.append("boundary ").append(boundaryArn == null ? "-" : boundaryArn);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.accessloop.broker.revocation.domain;

import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.PolicySizeLimits;
import io.accessloop.iam.policy.Statement;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The merged deny policy of one role (DESIGN §4). Grant denies share one statement on
 * {@code aws:PrincipalTag/accessloop:grant-id}; person denies are grouped by revocation second into statements on
 * {@code aws:SourceIdentity} and {@code aws:TokenIssueTime}. Entries that can no longer match a live session are
 * pruned; if the role's inline policies would exceed IAM's 10,240 characters, the entries are compacted into one
 * role-wide deny of every session issued before now (owners of other live grants simply fetch new credentials).
 */
public final class RevocationPolicy {

    public static final String GRANT_TAG_KEY = "aws:PrincipalTag/accessloop:grant-id";
    public static final int ROLE_INLINE_LIMIT = PolicySizeLimits.Limit.INLINE_ROLE.maxCharacters();

    private final List<RevocationEntry> entries;

    public RevocationPolicy(List<RevocationEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<RevocationEntry> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The same policy without entries that can no longer match a live session. */
    public RevocationPolicy pruned(Instant now) {
        return new RevocationPolicy(entries.stream().filter(e -> !e.prunable(now)).toList());
    }

    /**
     * This policy if it fits beside {@code otherInlineCharacters} of the role's other inline policies; otherwise one
     * role-wide entry that denies every session issued up to {@code now}, kept until the last entry could prune.
     */
    public RevocationPolicy fitted(int otherInlineCharacters, Instant now) {
        if (fits(otherInlineCharacters)) {
            return this;
        }
        Instant until = entries.stream().map(RevocationEntry::pruneAfter).max(Comparator.naturalOrder()).orElse(now);
        return new RevocationPolicy(List.of(new RevocationEntry(RevocationEntry.Kind.ROLE, "*", now, until)));
    }

    public boolean fits(int otherInlineCharacters) {
        return isEmpty() || characters() + otherInlineCharacters <= ROLE_INLINE_LIMIT;
    }

    /** Characters IAM counts against the role's inline quota. */
    public int characters() {
        return PolicySizeLimits.countedCharacters(toJson());
    }

    public String toJson() {
        return document().toJson();
    }

    PolicyDocument document() {
        List<Statement> statements = new ArrayList<>();
        List<String> grants = entries.stream().filter(e -> e.kind() == RevocationEntry.Kind.GRANT)
                .map(RevocationEntry::subject).distinct().sorted().toList();
        if (!grants.isEmpty()) {
            statements.add(Statement.deny().sid("RevokedGrants").actions("*").resources("*")
                    .condition("StringEquals", GRANT_TAG_KEY, grants.toArray(String[]::new)).build());
        }
        Map<Instant, List<String>> people = entries.stream()
                .filter(e -> e.kind() == RevocationEntry.Kind.IDENTITY)
                .collect(Collectors.groupingBy(e -> ceilSecond(e.revokedAt()), TreeMap::new,
                        Collectors.mapping(RevocationEntry::subject, Collectors.toList())));
        int n = 0;
        for (Map.Entry<Instant, List<String>> group : people.entrySet()) {
            statements.add(Statement.deny().sid("RevokedPeople" + (++n)).actions("*").resources("*")
                    .condition("StringEquals", "aws:SourceIdentity",
                            group.getValue().stream().distinct().sorted().toArray(String[]::new))
                    .condition("DateLessThan", "aws:TokenIssueTime", group.getKey().toString())
                    .build());
        }
        entries.stream().filter(e -> e.kind() == RevocationEntry.Kind.ROLE)
                .map(e -> ceilSecond(e.revokedAt())).max(Comparator.naturalOrder())
                .ifPresent(before -> statements.add(Statement.deny().sid("RevokedAllSessions").actions("*")
                        .resources("*").condition("DateLessThan", "aws:TokenIssueTime", before.toString()).build()));
        return PolicyDocument.of(statements);
    }

    /**
     * Sessions issued in the same second as a revocation are denied too: the condition has second precision and
     * a session issued just before the revocation must never slip through.
     */
    /**
     * The earliest a new session of the role escapes a role-wide deny revoked at {@code revokedAt}: the deny holds
     * for every token issued before the next whole second, so a session issued in the same second would be born
     * denied.
     */
    public static Instant sessionsSafeFrom(Instant revokedAt) {
        return ceilSecond(revokedAt);
    }

    static Instant ceilSecond(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }
}

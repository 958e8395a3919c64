package io.accessloop.broker.revocation.domain;

import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.PolicySizeLimits;
import io.accessloop.iam.policy.Statement;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
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
 * role-wide deny of every session issued before now whose grant tag is none of the grants still active on the role
 * (a negated operator with several values matches when the tag equals none of them, and also when the session has
 * no such tag). Only when even that list does not fit are the live grants' sessions cut too.
 */
public final class RevocationPolicy {

    public static final String GRANT_TAG_KEY = "aws:PrincipalTag/accessloop:grant-id";
    public static final int ROLE_INLINE_LIMIT = PolicySizeLimits.Limit.INLINE_ROLE.maxCharacters();

    private final List<RevocationEntry> entries;
    private String json;

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
        return fitted(otherInlineCharacters, now, List.of());
    }

    /**
     * This policy if it fits; otherwise one role-wide deny of every session issued up to {@code now} that spares the
     * sessions of {@code liveGrants} (the grants still active on the role, none of them revoked by this policy), or,
     * if that list does not fit either, spares nobody. A grant activated later is not spared and needs not be: its
     * sessions are issued after {@code now}.
     */
    public RevocationPolicy fitted(int otherInlineCharacters, Instant now, Collection<String> liveGrants) {
        if (fits(otherInlineCharacters)) {
            return this;
        }
        Instant until = entries.stream().map(RevocationEntry::pruneAfter).max(Comparator.naturalOrder()).orElse(now);
        RevocationEntry roleWide = new RevocationEntry(RevocationEntry.Kind.ROLE, "*", now, until);
        RevocationPolicy denyAll = new RevocationPolicy(List.of(roleWide));
        if (liveGrants.isEmpty()) {
            return denyAll;
        }
        List<RevocationEntry> sparing = new ArrayList<>();
        sparing.add(roleWide);
        liveGrants.stream().distinct().sorted().forEach(g ->
                sparing.add(new RevocationEntry(RevocationEntry.Kind.LIVE_GRANT, g, now, until)));
        RevocationPolicy spared = new RevocationPolicy(sparing);
        return spared.fits(otherInlineCharacters) ? spared : denyAll;
    }

    /** Whether the policy holds a role-wide deny (the entries were compacted). */
    public boolean roleWide() {
        return entries.stream().anyMatch(e -> e.kind() == RevocationEntry.Kind.ROLE);
    }

    /** How many grants the role-wide deny spares. */
    public long sparedGrants() {
        return entries.stream().filter(e -> e.kind() == RevocationEntry.Kind.LIVE_GRANT).count();
    }

    public boolean fits(int otherInlineCharacters) {
        return isEmpty() || characters() + otherInlineCharacters <= ROLE_INLINE_LIMIT;
    }

    /** Characters IAM counts against the role's inline quota. */
    public int characters() {
        return PolicySizeLimits.countedCharacters(toJson());
    }

    public String toJson() {
        if (json == null) {
            json = document().toJson();
        }
        return json;
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
        // compaction leaves one role-wide entry; of several, the latest denies all the others did (see fitted)
        entries.stream().filter(e -> e.kind() == RevocationEntry.Kind.ROLE)
                .map(RevocationEntry::revokedAt).max(Comparator.naturalOrder())
                .ifPresent(at -> statements.add(roleWideStatement(at)));
        return PolicyDocument.of(statements);
    }

    /**
     * Sessions issued in the same second as a revocation are denied too: the condition has second precision and
     * a session issued just before the revocation must never slip through. The grants spared are those recorded with
     * the same revocation instant.
     */
    private Statement roleWideStatement(Instant revokedAt) {
        String[] spared = entries.stream()
                .filter(e -> e.kind() == RevocationEntry.Kind.LIVE_GRANT && e.revokedAt().equals(revokedAt))
                .map(RevocationEntry::subject).distinct().sorted().toArray(String[]::new);
        Statement.Builder deny = Statement.deny().sid("RevokedAllSessions").actions("*").resources("*")
                .condition("DateLessThan", "aws:TokenIssueTime", ceilSecond(revokedAt).toString());
        if (spared.length > 0) {
            deny.condition("StringNotEquals", GRANT_TAG_KEY, spared);
        }
        return deny.build();
    }

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

package io.accessloop.drift.accessanalyzer.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.drift.FindingOpened;
import io.accessloop.contracts.drift.FindingResolved;
import io.accessloop.drift.accessanalyzer.domain.Observation;
import io.accessloop.drift.accessanalyzer.domain.UnusedAccessRules;
import io.accessloop.drift.findings.domain.FindingStatus;
import io.accessloop.drift.findings.domain.Severity;
import io.accessloop.drift.findings.repository.Finding;
import io.accessloop.drift.rightsizing.domain.Plan;
import io.accessloop.drift.rightsizing.domain.PrincipalPermissions;
import io.accessloop.kit.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps one drift finding per piece of unused access, whichever sources report it. Each source replaces its whole
 * view at once ({@link #fromAnalyzer}: every active Access Analyzer finding; {@link #fromPlan}: one principal's
 * right-sizing plan): the source is added to the findings it reports (opening them when new) and withdrawn from
 * those it no longer reports; a finding no source reports any more is resolved. The evidence lists the sources
 * ({@code sources}) and what each says ({@code bySource}). Callers run inside a transaction.
 */
@ApplicationScoped
public class UnusedAccessFindings {

    private static final List<String> PLAN_RULES = List.of(UnusedAccessRules.UNUSED_ROLE,
            UnusedAccessRules.UNUSED_PERMISSION);
    private static final List<String> ANALYZER_RULES = List.of(UnusedAccessRules.UNUSED_ROLE,
            UnusedAccessRules.UNUSED_PERMISSION, UnusedAccessRules.UNUSED_CREDENTIALS,
            UnusedAccessRules.ANALYZER_UNUSED_CREDENTIALS);

    private final Outbox outbox;
    private final ObjectMapper json;

    UnusedAccessFindings(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    /** What one merge did. */
    public record Outcome(int opened, int merged, int withdrawn, int resolved) {
    }

    /** Accessloop's own view of one principal, from its latest plan. */
    public Uni<Outcome> fromPlan(PrincipalPermissions p, Plan plan, Instant now) {
        List<Observation> seen = UnusedAccessRules.fromPlan(p, plan);
        return Finding.<Finding>list("principalArn = ?1 and status <> ?2 and rule in ?3", p.arn(),
                        FindingStatus.RESOLVED.name(), PLAN_RULES)
                .chain(live -> merge(UnusedAccessRules.SOURCE_ACCESSLOOP, live, seen, now));
    }

    /** Access Analyzer's whole current view (every active unused-access finding of the account). */
    public Uni<Outcome> fromAnalyzer(List<Observation> seen, Instant now) {
        return Finding.<Finding>list("status <> ?1 and rule in ?2", FindingStatus.RESOLVED.name(), ANALYZER_RULES)
                .chain(live -> merge(UnusedAccessRules.SOURCE_ANALYZER, live, seen, now));
    }

    private Uni<Outcome> merge(String source, List<Finding> live, List<Observation> seen, Instant now) {
        Map<String, Finding> byIdentity = new HashMap<>();
        live.forEach(f -> byIdentity.put(identity(f.rule, f.accountId, f.principalArn, f.dedupKey), f));
        Set<String> touched = new HashSet<>();
        List<java.util.function.Supplier<Uni<?>>> steps = new ArrayList<>();
        int[] counts = new int[4];
        for (Observation o : seen) {
            Observation target = target(o, source, byIdentity);
            if (!touched.add(target.identity())) {
                continue;
            }
            Finding existing = byIdentity.get(target.identity());
            if (existing != null) {
                addSource(existing, source, target, now);
                counts[1]++;
                if (!o.rule().equals(UnusedAccessRules.UNUSED_CREDENTIALS) || !target.rule().equals(o.rule())
                        || !source.equals(UnusedAccessRules.SOURCE_ANALYZER)) {
                    continue;
                }
                // the credential rule now reports what only Access Analyzer reported: fold the stand-in into it
                Finding standIn = byIdentity.get(identity(UnusedAccessRules.ANALYZER_UNUSED_CREDENTIALS,
                        o.accountId(), o.principalArn(), o.dedupKey()));
                if (standIn != null) {
                    touched.add(identity(standIn.rule, standIn.accountId, standIn.principalArn, standIn.dedupKey));
                    counts[3]++;
                    steps.add(() -> resolve(standIn, "merged into " + existing.id, now));
                }
            } else {
                counts[0]++;
                steps.add(() -> open(target, source, now));
            }
        }
        for (Finding f : live) {
            String id = identity(f.rule, f.accountId, f.principalArn, f.dedupKey);
            if (touched.contains(id)) {
                continue;
            }
            Set<String> sources = sources(f);
            if (!sources.contains(source)) {
                continue;
            }
            counts[2]++;
            sources.remove(source);
            ObjectNode evidence = evidence(f);
            writeSources(evidence, sources);
            if (evidence.get("bySource") instanceof ObjectNode by) {
                by.remove(source);
            }
            f.evidence = write(evidence);
            boolean ownedByCredentialRule = f.rule.equals(UnusedAccessRules.UNUSED_CREDENTIALS);
            if (sources.isEmpty() && !ownedByCredentialRule) {
                counts[3]++;
                steps.add(() -> resolve(f, "no source reports it any more", now));
            }
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (var step : steps) {
            chain = chain.chain(() -> step.get().replaceWithVoid());
        }
        return chain.replaceWith(new Outcome(counts[0], counts[1], counts[2], counts[3]));
    }

    /**
     * Where an observation goes: Access Analyzer's credential findings join the credential rule's live finding for
     * the same key, else their stand-in rule.
     */
    private static Observation target(Observation o, String source, Map<String, Finding> live) {
        if (!source.equals(UnusedAccessRules.SOURCE_ANALYZER) || !o.rule().equals(UnusedAccessRules.UNUSED_CREDENTIALS)
                || live.containsKey(o.identity())) {
            return o;
        }
        return new Observation(UnusedAccessRules.ANALYZER_UNUSED_CREDENTIALS, o.accountId(), o.principalArn(),
                o.resourceType(), o.dedupKey(), o.severity(), o.summary(), o.details());
    }

    private void addSource(Finding f, String source, Observation o, Instant now) {
        Set<String> sources = sources(f);
        sources.add(source);
        ObjectNode evidence = evidence(f);
        writeSources(evidence, sources);
        JsonNode by = evidence.get("bySource");
        ObjectNode bySource = by instanceof ObjectNode node ? node : evidence.putObject("bySource");
        bySource.set(source, json.valueToTree(o.details()));
        f.evidence = write(evidence);
        f.lastSeenAt = now;
    }

    private Uni<?> open(Observation o, String source, Instant now) {
        Finding f = new Finding();
        f.id = "fnd_" + UUID.randomUUID();
        f.accountId = o.accountId();
        f.principalArn = o.principalArn();
        f.resourceType = o.resourceType();
        f.rule = o.rule();
        f.dedupKey = o.dedupKey();
        Severity severity = Severity.parse(o.severity());
        f.severity = severity.label();
        f.severityRank = severity.rank();
        f.status = FindingStatus.OPEN.name();
        f.summary = o.summary();
        ObjectNode evidence = json.createObjectNode();
        writeSources(evidence, new LinkedHashSet<>(List.of(source)));
        evidence.putObject("bySource").set(source, json.valueToTree(o.details()));
        f.evidence = write(evidence);
        f.changedBy = source;
        f.openedAt = now;
        f.lastSeenAt = now;
        return f.persist().chain(() -> outbox.append(EventTypes.FINDING_OPENED, f.id, new FindingOpened(f.id,
                f.accountId, f.principalArn, f.rule, f.severity, f.summary, source, now)));
    }

    private Uni<?> resolve(Finding f, String resolution, Instant now) {
        f.status = FindingStatus.RESOLVED.name();
        f.resolution = resolution;
        f.resolvedAt = now;
        f.suppressedUntil = null;
        return outbox.append(EventTypes.FINDING_RESOLVED, f.id,
                new FindingResolved(f.id, f.accountId, f.principalArn, f.rule, resolution, now));
    }

    /** The sources listed in the evidence; the credential rule's own findings list none and are Accessloop's. */
    Set<String> sources(Finding f) {
        Set<String> out = new LinkedHashSet<>();
        JsonNode listed = evidence(f).get("sources");
        if (listed instanceof ArrayNode array) {
            array.forEach(s -> out.add(s.asText()));
        } else if (f.rule.equals(UnusedAccessRules.UNUSED_CREDENTIALS)) {
            out.add(UnusedAccessRules.SOURCE_ACCESSLOOP);
        }
        return out;
    }

    private void writeSources(ObjectNode evidence, Set<String> sources) {
        ArrayNode array = evidence.putArray("sources");
        sources.stream().sorted().forEach(array::add);
    }

    private ObjectNode evidence(Finding f) {
        try {
            JsonNode node = f.evidence == null ? null : json.readTree(f.evidence);
            return node instanceof ObjectNode object ? object : json.createObjectNode();
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write evidence", e);
        }
    }

    private static String identity(String rule, String account, String principal, String key) {
        return rule + '\u0000' + account + '\u0000' + principal + '\u0000' + key;
    }
}

package io.accessloop.drift.accessanalyzer.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.drift.accessanalyzer.config.AccessAnalyzerSettings;
import io.accessloop.drift.accessanalyzer.domain.PolicyComparison;
import io.accessloop.drift.accessanalyzer.domain.PolicyGeneration;
import io.accessloop.drift.accessanalyzer.repository.GeneratedPolicyRecord;
import io.accessloop.drift.rightsizing.domain.PrincipalPermissions;
import io.accessloop.drift.rightsizing.domain.ProofChecker;
import io.accessloop.drift.rightsizing.domain.Proposal;
import io.accessloop.drift.rightsizing.service.Blocking;
import io.accessloop.drift.rightsizing.service.ProposalService;
import io.accessloop.kit.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * On request, IAM Access Analyzer generates a policy for a proposal's principal from CloudTrail over the
 * proposal's window; the result is stored with its comparison to the proposal. A job still running when the wait
 * ends is stored as such and finished by the next read.
 */
@ApplicationScoped
public class GeneratedPolicies {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final ProposalService proposals;
    private final PolicyGeneration generation;
    private final AccessAnalyzerSettings settings;
    private final Blocking blocking;
    private final Clock clock;
    private final ObjectMapper json;

    GeneratedPolicies(ProposalService proposals, PolicyGeneration generation, AccessAnalyzerSettings settings,
                      Blocking blocking, Clock clock, ObjectMapper json) {
        this.proposals = proposals;
        this.generation = generation;
        this.settings = settings;
        this.blocking = blocking;
        this.clock = clock;
        this.json = json;
    }

    /** A generation and how its policy differs from the proposal (comparison null until it succeeded). */
    public record Generated(String id, String proposalId, String principalArn, String jobId, String status,
                            Instant startedAt, Instant completedAt, List<String> policies,
                            PolicyComparison comparison, String error) {
    }

    /** Starts a generation for the proposal's principal over the proposal's window and waits a while for it. */
    public Uni<Generated> start(String proposalId) {
        return proposals.get(proposalId).chain(p -> blocking.call(() -> {
            Instant now = clock.instant();
            Instant start = p.evidence().windowStart();
            Instant end = p.evidence().windowEnd() != null && p.evidence().windowEnd().isBefore(now)
                    ? p.evidence().windowEnd() : now;
            try {
                String jobId = generation.start(p.principalArn(), start, end);
                Instant deadline = now.plus(settings.generationWait());
                PolicyGeneration.Result result = generation.result(jobId);
                while (!result.done() && clock.instant().isBefore(deadline)) {
                    pause();
                    result = generation.result(jobId);
                }
                return record(p, jobId, now, result);
            } catch (PolicyGeneration.UnavailableException e) {
                throw ProblemException.conflict("policy-generation-unavailable",
                        "IAM Access Analyzer policy generation is unavailable: " + e.getMessage());
            }
        })).chain(r -> Panache.withTransaction(() -> r.persist()).replaceWith(r)).map(this::view);
    }

    /** The latest generation of the proposal, refreshed when it was still running; 404 when none. */
    public Uni<Generated> latest(String proposalId) {
        return proposals.get(proposalId).chain(p -> Panache.withSession(() -> GeneratedPolicyRecord
                .<GeneratedPolicyRecord>find("proposalId = ?1 order by startedAt desc, id desc", proposalId)
                .firstResult()).chain(r -> {
                    if (r == null) {
                        return Uni.createFrom().failure(ProblemException.notFound(
                                "no policy generation for proposal " + proposalId));
                    }
                    if (!"IN_PROGRESS".equals(r.status)) {
                        return Uni.createFrom().item(r);
                    }
                    return blocking.call(() -> generation.result(r.jobId))
                            .onFailure(PolicyGeneration.UnavailableException.class)
                            .transform(e -> ProblemException.conflict("policy-generation-unavailable",
                                    "IAM Access Analyzer policy generation is unavailable: " + e.getMessage()))
                            .chain(result -> Panache.withTransaction(
                            () -> GeneratedPolicyRecord.<GeneratedPolicyRecord>findById(r.id).invoke(fresh ->
                                    fill(fresh, p, result))));
                })).map(this::view);
    }

    private GeneratedPolicyRecord record(Proposal p, String jobId, Instant startedAt, PolicyGeneration.Result result) {
        GeneratedPolicyRecord r = new GeneratedPolicyRecord();
        r.id = "gen_" + UUID.randomUUID();
        r.proposalId = p.id();
        r.principalArn = p.principalArn();
        r.jobId = jobId;
        r.startedAt = startedAt;
        fill(r, p, result);
        return r;
    }

    private void fill(GeneratedPolicyRecord r, Proposal p, PolicyGeneration.Result result) {
        r.status = result.status();
        r.error = result.error().isEmpty() ? null : result.error();
        if (result.done()) {
            r.completedAt = clock.instant();
        }
        if ("SUCCEEDED".equals(result.status())) {
            r.policies = write(result.policies());
            r.comparison = write(PolicyComparison.compare(proposedDocuments(p), result.policies()));
        }
    }

    /** The principal's identity policies as the proposal would leave them. */
    static List<String> proposedDocuments(Proposal p) {
        PrincipalPermissions baseline = p.baseline();
        List<String> docs = new ArrayList<>(ProofChecker.proposedInline(baseline, p.changes()).values());
        List<String> managed = ProofChecker.proposedManaged(baseline, p.changes());
        baseline.managed().stream().filter(m -> managed.contains(m.arn()))
                .forEach(m -> docs.add(m.document()));
        List<String> groups = ProofChecker.proposedGroups(baseline, p.changes());
        baseline.groups().stream().filter(g -> groups.contains(g.name()))
                .forEach(g -> docs.addAll(g.documents().values()));
        return docs;
    }

    private Generated view(GeneratedPolicyRecord r) {
        return new Generated(r.id, r.proposalId, r.principalArn, r.jobId, r.status, r.startedAt, r.completedAt,
                r.policies == null ? List.of() : read(r.policies, STRINGS),
                r.comparison == null ? null : read(r.comparison, new TypeReference<PolicyComparison>() {
                }), r.error == null ? "" : r.error);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store generated policy", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored generated policy unreadable", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

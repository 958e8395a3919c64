package io.accessloop.drift.rightsizing.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.drift.FindingOpened;
import io.accessloop.drift.findings.domain.FindingStatus;
import io.accessloop.drift.findings.domain.Severity;
import io.accessloop.drift.findings.repository.Finding;
import io.accessloop.drift.rightsizing.domain.Proposal;
import io.accessloop.kit.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An automatic rollback is something a person must look at: it opens a drift finding (rule
 * {@value #RULE}, one per proposal) and announces it through the outbox, in the rollback's transaction.
 */
@ApplicationScoped
public class RollbackFinding {

    public static final String RULE = "rightsizing-rolled-back";

    private final Outbox outbox;
    private final ObjectMapper json;

    RollbackFinding(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    public Uni<Finding> open(Proposal p, String reason, Instant now) {
        Finding f = new Finding();
        f.id = "fnd_" + UUID.randomUUID();
        f.accountId = p.accountId();
        f.principalArn = p.principalArn();
        f.resourceType = p.baseline().isRole() ? "AWS::IAM::Role" : "AWS::IAM::User";
        f.rule = RULE;
        f.dedupKey = p.id();
        f.severity = Severity.HIGH.label();
        f.severityRank = Severity.HIGH.rank();
        f.status = FindingStatus.OPEN.name();
        f.summary = "Right-sizing " + p.id() + " was rolled back automatically: " + reason;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("proposalId", p.id());
        evidence.put("appliedAt", p.appliedAt());
        evidence.put("appliedBy", p.appliedBy());
        evidence.put("reason", reason);
        f.evidence = write(evidence);
        f.changedBy = RollbackWatch.WATCHER;
        f.openedAt = now;
        f.lastSeenAt = now;
        return f.<Finding>persist().chain(() -> outbox.append(EventTypes.FINDING_OPENED, f.id, new FindingOpened(f.id,
                f.accountId, f.principalArn, RULE, f.severity, f.summary, RollbackWatch.WATCHER, now))).replaceWith(f);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write evidence", e);
        }
    }
}

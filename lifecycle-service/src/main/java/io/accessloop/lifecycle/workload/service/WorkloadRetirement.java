package io.accessloop.lifecycle.workload.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.identity.WorkloadRetired;
import io.accessloop.kit.problem.ProblemException;
import io.accessloop.lifecycle.audit.service.RecordedOutbox;
import io.accessloop.lifecycle.workload.domain.RoleDefinition;
import io.accessloop.lifecycle.workload.domain.WorkloadIam;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.accessloop.lifecycle.support.Blocking.await;

/**
 * Retires a workload: each of its roles is described and the definition saved (committed) before the role is
 * deleted, then the retirement is published. Blocking: call it from a worker thread. Running it again after a
 * crash finds the remaining roles and finishes; a workload with no roles left answers with what was retired.
 */
@ApplicationScoped
public class WorkloadRetirement {

    private final WorkloadIam iam;
    private final RecordedOutbox outbox;
    private final ObjectMapper mapper;
    private final Clock clock;

    WorkloadRetirement(WorkloadIam iam, RecordedOutbox outbox, ObjectMapper mapper, Clock clock) {
        this.iam = iam;
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
    }

    public Retirement retire(String workloadId, String retiredBy, String reason) {
        List<String> roles = iam.rolesOf(workloadId);
        List<RetiredRole> retired = new ArrayList<>();
        for (String roleName : roles) {
            retired.add(retireRole(workloadId, roleName, retiredBy, reason));
        }
        if (retired.isEmpty()) {
            List<RetiredRole> earlier = await(() -> earlier(workloadId));
            if (earlier.isEmpty()) {
                throw ProblemException.notFound("Workload " + workloadId + " (no role is tagged "
                        + WorkloadIam.WORKLOAD_TAG + "=" + workloadId + ")");
            }
            return new Retirement(workloadId, earlier);
        }
        return new Retirement(workloadId, retired);
    }

    /**
     * Retires one role of a workload: its full definition is saved (committed) first, then the role is deleted and
     * the retirement published. Blocking.
     */
    public RetiredRole retireRole(String workloadId, String roleName, String retiredBy, String reason) {
        Instant now = clock.instant();
        RoleDefinition definition = iam.describe(roleName);
        await(() -> save(workloadId, definition, now, retiredBy, reason));
        List<String> done = iam.delete(roleName);
        await(() -> Panache.withTransaction(() -> outbox.publish(EventTypes.WORKLOAD_RETIRED, definition.arn(),
                new WorkloadRetired(workloadId, definition.arn(), retiredBy, reason))));
        return new RetiredRole(definition.roleName(), definition.arn(), definition, done);
    }

    private Uni<Integer> save(String workloadId, RoleDefinition definition, Instant at, String by, String reason) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into retired_role (workload_id, role_name, arn, definition, retired_at, retired_by, reason) "
                                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, workloadId).setParameter(2, definition.roleName()).setParameter(3, definition.arn())
                .setParameter(4, json(definition)).setParameter(5, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .setParameter(6, by).setParameter(7, reason)
                .executeUpdate()));
    }

    private Uni<List<RetiredRole>> earlier(String workloadId) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "select role_name, arn, definition from retired_role where workload_id = ?1 order by retired_at, role_name",
                        Object[].class)
                .setParameter(1, workloadId).getResultList()))
                .chain(rows -> Multi.createFrom().iterable(rows)
                        .map(row -> new RetiredRole((String) row[0], (String) row[1], read((String) row[2]),
                                List.of("retired earlier")))
                        .collect().asList());
    }

    private String json(RoleDefinition definition) {
        try {
            return mapper.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private RoleDefinition read(String json) {
        try {
            return mapper.readValue(json, RoleDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer of a retirement. */
    public record Retirement(String workloadId, List<RetiredRole> roles) {
    }

    /** One role removed, its saved definition and what was done to remove it. */
    public record RetiredRole(String roleName, String arn, RoleDefinition definition, List<String> done) {
    }
}

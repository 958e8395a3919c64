package io.accessloop.lifecycle.offboarding.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.accessloop.lifecycle.offboarding.domain.UserChange;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The IAM clean-up a case's step planned before acting ({@code offboarding_cleanup_plan}); the caller's transaction. */
@ApplicationScoped
public class CleanupPlans {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Uni<Optional<List<UserChange>>> find(String caseId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select changes from offboarding_cleanup_plan where case_id = ?1", String.class)
                .setParameter(1, caseId)
                .getResultList())
                .map(rows -> rows.isEmpty() ? Optional.empty() : Optional.of(read(rows.get(0))));
    }

    /** Records the plan unless one is recorded already (then that one stands). */
    public Uni<Void> save(String caseId, List<UserChange> plan, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into offboarding_cleanup_plan (case_id, changes, planned_at) values (?1, ?2, ?3) "
                                + "on conflict (case_id) do nothing")
                .setParameter(1, caseId)
                .setParameter(2, write(plan))
                .setParameter(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

    /** The step committed with its events: the plan is spent. */
    public Uni<Void> drop(String caseId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "delete from offboarding_cleanup_plan where case_id = ?1")
                .setParameter(1, caseId)
                .executeUpdate()).replaceWithVoid();
    }

    private static String write(List<UserChange> plan) {
        ArrayNode list = JSON.createArrayNode();
        for (UserChange c : plan) {
            list.addObject().put("action", c.action()).put("userName", c.userName()).put("userArn", c.userArn())
                    .put("accessKeyId", c.accessKeyId()).put("description", c.description());
        }
        return list.toString();
    }

    private static List<UserChange> read(String json) {
        try {
            List<UserChange> plan = new ArrayList<>();
            for (JsonNode c : JSON.readTree(json)) {
                plan.add(new UserChange(c.path("action").asText(), c.path("userName").asText(),
                        c.path("userArn").asText(), c.path("accessKeyId").asText(), c.path("description").asText()));
            }
            return plan;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt clean-up plan", e);
        }
    }
}

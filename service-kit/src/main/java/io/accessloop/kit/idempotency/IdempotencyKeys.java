package io.accessloop.kit.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.kit.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Makes creates safe to retry: the first answer to an {@code Idempotency-Key} is stored with the state change
 * (same transaction) and replayed for the same caller and body; the same key with another body is refused.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final ObjectMapper mapper;

    IdempotencyKeys(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Runs {@code work} inside a transaction and answers {@code status} with its result, unless the key was seen:
     * then the first answer comes back unchanged. Without a key, the work simply runs.
     */
    public <T> Uni<Response> run(String scope, String caller, String key, Object request, int status,
                                 Supplier<Uni<T>> work) {
        if (key == null || key.isBlank()) {
            return Panache.withTransaction(work).map(result -> json(status, write(result)));
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.badRequest("invalid-idempotency-key",
                    "Idempotency-Key must be at most " + MAX_KEY_LENGTH + " characters");
        }
        String fingerprint = fingerprint(request);
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select fingerprint, status, body from idempotency_key "
                                        + "where scope = ?1 and caller = ?2 and key = ?3", Object[].class)
                        .setParameter(1, scope).setParameter(2, caller).setParameter(3, key)
                        .getResultList())
                .chain(rows -> rows.isEmpty()
                        ? firstAnswer(scope, caller, key, fingerprint, status, work)
                        : replay(rows.get(0), fingerprint)));
    }

    private <T> Uni<Response> firstAnswer(String scope, String caller, String key, String fingerprint, int status,
                                          Supplier<Uni<T>> work) {
        return work.get().chain(result -> {
            String body = write(result);
            return Panache.getSession().chain(session -> session.createNativeQuery(
                                    "insert into idempotency_key (scope, caller, key, fingerprint, status, body) "
                                            + "values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                            .setParameter(1, scope).setParameter(2, caller).setParameter(3, key)
                            .setParameter(4, fingerprint).setParameter(5, status).setParameter(6, body)
                            .executeUpdate())
                    .map(inserted -> {
                        if (inserted == 0) {
                            throw ProblemException.conflict("idempotent-request-in-progress",
                                    "Another request with this Idempotency-Key is being processed; retry it");
                        }
                        return json(status, body);
                    });
        });
    }

    private static Uni<Response> replay(Object[] row, String fingerprint) {
        if (!fingerprint.equals(row[0])) {
            throw ProblemException.refused("idempotency-key-reused",
                    "This Idempotency-Key was used for a different request");
        }
        return Uni.createFrom().item(json(((Number) row[1]).intValue(), (String) row[2]));
    }

    private String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private static Response json(int status, String body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}

package io.accessloop.drift.rightsizing.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Checkpoints of the usage sources and the log files already read; callers run inside a transaction. */
@ApplicationScoped
public class SourceRepository {

    /** Claims the source's row for this transaction; null when another replica holds it. */
    public Uni<SourceState> claim(String source) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("insert into rs_usage_source (source) values (?1) on conflict do nothing")
                        .setParameter(1, source).executeUpdate())
                .chain(() -> Panache.getSession())
                .chain(s -> s.createNativeQuery("select checkpoint, ids_at_checkpoint, covered_from from rs_usage_source "
                                + "where source = ?1 for update skip locked", Object[].class)
                        .setParameter(1, source).getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        return null;
                    }
                    Object[] r = rows.get(0);
                    String ids = (String) r[1];
                    Set<String> set = ids == null || ids.isEmpty() ? Set.of()
                            : new LinkedHashSet<>(Arrays.asList(ids.split(",")));
                    return new SourceState(source, UsageRepository.instant(r[0]), set, UsageRepository.instant(r[2]));
                });
    }

    public Uni<Void> save(SourceState state, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("update rs_usage_source set checkpoint = ?2, "
                                + "ids_at_checkpoint = ?3, covered_from = ?4, updated_at = ?5 where source = ?1")
                        .setParameter(1, state.source()).setParameter(2, UsageRepository.utc(state.checkpoint()))
                        .setParameter(3, String.join(",", state.idsAtCheckpoint()))
                        .setParameter(4, UsageRepository.utc(state.coveredFrom()))
                        .setParameter(5, UsageRepository.utc(now)).executeUpdate())
                .replaceWithVoid();
    }

    /** The earliest instant any source covers (null when nothing was collected yet). */
    public Uni<Instant> coveredFrom() {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select min(covered_from) from rs_usage_source", Object.class).getSingleResult())
                .map(UsageRepository::instant);
    }

    /** Marks a log file read; false when it already was (another replica, or an earlier run). */
    public Uni<Boolean> markFileRead(String path, long records, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into rs_log_file (path, read_at, records) "
                                + "values (?1, ?2, ?3) on conflict do nothing")
                        .setParameter(1, path).setParameter(2, UsageRepository.utc(now)).setParameter(3, records)
                        .executeUpdate())
                .map(n -> n > 0);
    }

    public Uni<Boolean> fileRead(String path) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select count(*) from rs_log_file where path = ?1",
                        Long.class).setParameter(1, path).getSingleResult())
                .map(n -> n > 0);
    }
}

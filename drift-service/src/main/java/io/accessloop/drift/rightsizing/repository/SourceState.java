package io.accessloop.drift.rightsizing.repository;

import java.time.Instant;
import java.util.Set;

/** Where a usage source got to: events up to {@code checkpoint} are stored, those exactly at it listed by id. */
public record SourceState(String source, Instant checkpoint, Set<String> idsAtCheckpoint, Instant coveredFrom) {
}

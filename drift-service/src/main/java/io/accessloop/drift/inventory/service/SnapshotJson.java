package io.accessloop.drift.inventory.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.drift.inventory.domain.IamSnapshot;
import jakarta.enterprise.context.ApplicationScoped;

/** Stores snapshots as JSON text in the inventory tables. */
@ApplicationScoped
public class SnapshotJson {

    private final ObjectMapper mapper;

    SnapshotJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(IamSnapshot snapshot) {
        try {
            return mapper.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write snapshot of " + snapshot.arn(), e);
        }
    }

    public IamSnapshot read(String json) {
        try {
            return mapper.readValue(json, IamSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored snapshot is unreadable", e);
        }
    }
}

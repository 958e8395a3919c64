package io.accessloop.broker.catalog.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A valid set of entitlements, by name, with the fingerprint of the files it came from. */
public final class Catalog {

    private final Map<String, Entitlement> byName;
    private final String fingerprint;
    private final Instant loadedAt;

    public Catalog(List<Entitlement> entitlements, String fingerprint, Instant loadedAt) {
        Map<String, Entitlement> map = new LinkedHashMap<>();
        for (Entitlement e : entitlements) {
            if (map.putIfAbsent(e.name(), e) != null) {
                throw new IllegalArgumentException("duplicate entitlement " + e.name());
            }
        }
        this.byName = Map.copyOf(map);
        this.fingerprint = fingerprint;
        this.loadedAt = loadedAt;
    }

    public static Catalog empty(Instant now) {
        return new Catalog(List.of(), "", now);
    }

    public Optional<Entitlement> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    public Collection<Entitlement> entitlements() {
        return byName.values().stream().sorted(java.util.Comparator.comparing(Entitlement::name)).toList();
    }

    public String fingerprint() {
        return fingerprint;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public int size() {
        return byName.size();
    }
}

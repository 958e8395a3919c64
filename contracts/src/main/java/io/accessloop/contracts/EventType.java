package io.accessloop.contracts;

import java.util.Objects;

/**
 * One versioned CloudEvents type: its {@code type} attribute, the address it travels on and its payload record.
 * A schema change adds a new type with a new version suffix; an existing type never changes shape.
 */
public record EventType<T>(String type, String address, Class<T> payloadClass) {

    public EventType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(payloadClass, "payloadClass");
    }

    /** Classpath location of this type's JSON Schema. */
    public String schemaResource() {
        return "/io/accessloop/contracts/schemas/" + type + ".json";
    }

    /** Classpath location of this type's golden sample. */
    public String sampleResource() {
        return "/io/accessloop/contracts/samples/" + type + ".json";
    }
}

package io.accessloop.drift.inventory.domain;

import java.util.Arrays;
import java.util.Optional;

/** The IAM resource types AWS Config records and the inventory keeps. */
public enum ResourceType {
    USER("AWS::IAM::User"),
    GROUP("AWS::IAM::Group"),
    ROLE("AWS::IAM::Role"),
    POLICY("AWS::IAM::Policy");

    private final String configType;

    ResourceType(String configType) {
        this.configType = configType;
    }

    /** The AWS Config resource type name, e.g. {@code AWS::IAM::Role}. */
    public String configType() {
        return configType;
    }

    public static Optional<ResourceType> fromConfigType(String value) {
        return Arrays.stream(values()).filter(t -> t.configType.equals(value)).findFirst();
    }

    /** Users, groups and roles hold permissions; policies are documents. */
    public boolean isPrincipal() {
        return this != POLICY;
    }
}

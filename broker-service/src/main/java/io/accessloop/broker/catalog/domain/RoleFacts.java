package io.accessloop.broker.catalog.domain;

/** What IAM says about an entitlement's role: its trust policy and its maximum session. */
public record RoleFacts(String trustPolicy, long maxSessionSeconds) {
}

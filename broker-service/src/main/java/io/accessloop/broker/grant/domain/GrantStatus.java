package io.accessloop.broker.grant.domain;

/** {@code ACTIVE → RELEASED | EXPIRED | REVOKED}; extensions keep a grant ACTIVE with a new end. */
public enum GrantStatus { ACTIVE, RELEASED, EXPIRED, REVOKED }

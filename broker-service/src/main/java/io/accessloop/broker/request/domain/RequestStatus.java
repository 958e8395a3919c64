package io.accessloop.broker.request.domain;

/** {@code PENDING → APPROVED | DENIED | CANCELLED | EXPIRED}. */
public enum RequestStatus { PENDING, APPROVED, DENIED, CANCELLED, EXPIRED }

package io.accessloop.iam.analysis;

/** How much an Allow statement grants, broadest first. */
public enum Breadth {
    /** Every action on every resource ({@code "Action": "*"} or {@code "*:*"}, {@code "Resource": "*"}). */
    ADMIN,
    /** Every action except a few ({@code NotAction}) on every resource. */
    ALL_BUT_SOME,
    /** Every action of at least one service on every resource ({@code s3:*} on {@code *}). */
    SERVICE_WIDE,
    /** Anything narrower. */
    SCOPED
}

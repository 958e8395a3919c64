package io.accessloop.contracts;

/**
 * AMQP 1.0 addresses and the durable queue each consuming service reads from.
 * Multicast addresses carry events (one queue per consuming service); anycast addresses carry commands.
 */
public final class Addresses {

    /** Multicast: access requests and grants, published by the broker. */
    public static final String ACCESS = "accessloop.access";
    /** Multicast: drift findings and right-sizing, published by drift-service. */
    public static final String DRIFT = "accessloop.drift";
    /** Multicast: identity lifecycle, published by lifecycle-service. */
    public static final String IDENTITY = "accessloop.identity";
    /** Anycast: commands for the broker (revoke a grant, revoke a person). */
    public static final String BROKER_COMMANDS = "accessloop.broker.commands";
    /** Anycast: raw AWS Config / CloudTrail notifications waiting for drift-service. */
    public static final String AWS_CHANGES = "accessloop.aws.changes";

    private Addresses() {
    }

    /**
     * The fully qualified queue name a consumer attaches to: its own durable subscription on a multicast
     * address ({@code accessloop.access::accessloop.access.lifecycle}).
     */
    public static String subscription(String address, String consumer) {
        return address + "::" + address + "." + consumer;
    }
}

package io.accessloop.contracts;

import java.util.List;

/**
 * The broker topology every environment pre-creates: which addresses exist, how they route,
 * and which durable queue belongs to which consuming service. Brokers must not auto-create
 * {@code accessloop.*} addresses, so a typo fails loudly instead of dropping messages.
 */
public final class Topology {

    /** One address with its routing type and the services that consume it. */
    public record Route(String address, boolean multicast, List<String> consumers) {
        public Route {
            consumers = List.copyOf(consumers);
        }

        /** Queue names are broker-wide: a multicast subscription is {@code <address>.<consumer>}. */
        public List<String> queues() {
            return multicast ? consumers.stream().map(c -> address + "." + c).toList() : List.of(address);
        }
    }

    public static final List<Route> ROUTES = List.of(
            new Route(Addresses.ACCESS, true, List.of("lifecycle", "drift", "portal")),
            new Route(Addresses.DRIFT, true, List.of("lifecycle", "portal")),
            new Route(Addresses.IDENTITY, true, List.of("broker", "drift", "portal")),
            new Route(Addresses.BROKER_COMMANDS, false, List.of("broker")),
            new Route(Addresses.AWS_CHANGES, false, List.of("drift")));

    private Topology() {
    }
}

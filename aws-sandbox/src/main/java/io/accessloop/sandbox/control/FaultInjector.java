package io.accessloop.sandbox.control;

import io.accessloop.iam.eval.Wildcards;
import io.accessloop.sandbox.core.AwsError;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Fault injection per API action: throttling, server errors and latency. */
public final class FaultInjector {

    private static final Set<String> TYPES = Set.of("throttle", "error", "latency");

    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    public FaultRule add(String action, String type, Integer statusCode, Long latencyMillis, Double probability,
                         Integer count) {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("action is required (e.g. sts:AssumeRole, iam:*, *)");
        }
        if (type == null || !TYPES.contains(type)) {
            throw new IllegalArgumentException("type must be one of throttle, error, latency");
        }
        int status = statusCode == null ? 500 : statusCode;
        if (type.equals("error") && (status < 500 || status > 599)) {
            throw new IllegalArgumentException("statusCode of an error fault must be 5xx");
        }
        long latency = latencyMillis == null ? 0 : latencyMillis;
        if (type.equals("latency") && (latency <= 0 || latency > 60_000)) {
            throw new IllegalArgumentException("latencyMillis must be between 1 and 60000");
        }
        double p = probability == null ? 1.0 : probability;
        if (p <= 0 || p > 1) {
            throw new IllegalArgumentException("probability must be in (0, 1]");
        }
        if (count != null && count <= 0) {
            throw new IllegalArgumentException("count must be positive");
        }
        FaultRule rule = new FaultRule("fault-" + ids.incrementAndGet(), action, type, status, latency, p, count);
        rules.add(rule);
        return rule;
    }

    public List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    public void clear() {
        rules.clear();
    }

    /**
     * Applies the first matching rule: throws the injected error, or returns the latency to add (0 for none).
     *
     * @param json whether the call speaks JSON 1.1 (its throttling code is ThrottlingException)
     */
    public long apply(String action, boolean json) {
        if (rules.isEmpty()) {
            return 0;
        }
        long delay = 0;
        List<FaultRule> spent = new ArrayList<>();
        try {
            for (int i = 0; i < rules.size(); i++) {
                FaultRule rule = rules.get(i);
                if (!Wildcards.matchesAction(rule.action(), action)
                        || ThreadLocalRandom.current().nextDouble() >= rule.probability()) {
                    continue;
                }
                if (rule.remaining() != null) {
                    FaultRule next = new FaultRule(rule.id(), rule.action(), rule.type(), rule.statusCode(),
                            rule.latencyMillis(), rule.probability(), rule.remaining() - 1);
                    rules.set(i, next);
                    if (next.remaining() <= 0) {
                        spent.add(next);
                    }
                }
                switch (rule.type()) {
                    case "throttle" -> throw new AwsError(json ? "ThrottlingException" : "Throttling", 400,
                            "Rate exceeded");
                    case "error" -> throw new AwsError(rule.statusCode() == 503 ? "ServiceUnavailable"
                            : "InternalFailure", rule.statusCode(), "Injected fault: the service is unavailable");
                    default -> delay += rule.latencyMillis();
                }
            }
            return delay;
        } finally {
            rules.removeAll(spent);
        }
    }
}

package io.accessloop.sandbox.control;

/**
 * An injected fault for calls whose IAM action matches {@code action} ({@code sts:AssumeRole}, {@code iam:*},
 * {@code *}).
 *
 * @param type          {@code throttle}, {@code error} or {@code latency}
 * @param statusCode    HTTP status of an {@code error} fault (500 or 503 typically)
 * @param latencyMillis delay added by a {@code latency} fault
 * @param probability   share of matching calls affected, 0..1
 * @param remaining     how many more calls it affects; null for no limit
 */
public record FaultRule(String id, String action, String type, int statusCode, long latencyMillis,
                        double probability, Integer remaining) {
}

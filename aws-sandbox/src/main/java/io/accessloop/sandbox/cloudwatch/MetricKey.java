package io.accessloop.sandbox.cloudwatch;

import java.util.SortedMap;

/** A metric's identity: namespace, name and dimensions (name → value). */
public record MetricKey(String namespace, String metricName, SortedMap<String, String> dimensions) {
}

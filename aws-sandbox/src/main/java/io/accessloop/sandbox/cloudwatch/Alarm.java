package io.accessloop.sandbox.cloudwatch;

import java.time.Instant;
import java.util.List;

/** A metric alarm as PutMetricAlarm defined it, with its evaluated state. */
final class Alarm {
    final String name;
    final String arn;
    final String description;
    final boolean actionsEnabled;
    final List<String> alarmActions;
    final List<String> okActions;
    final List<String> insufficientDataActions;
    final MetricKey metric;
    final String statistic;
    final int period;
    final int evaluationPeriods;
    final int datapointsToAlarm;
    final double threshold;
    final String comparisonOperator;
    final String treatMissingData;
    final String unit;
    final Instant configuredAt;
    String state = "INSUFFICIENT_DATA";
    String stateReason = "Unchecked: Initial alarm creation";
    Instant stateUpdatedAt;

    Alarm(String name, String arn, String description, boolean actionsEnabled, List<String> alarmActions,
          List<String> okActions, List<String> insufficientDataActions, MetricKey metric, String statistic, int period,
          int evaluationPeriods, int datapointsToAlarm, double threshold, String comparisonOperator,
          String treatMissingData, String unit, Instant configuredAt) {
        this.name = name;
        this.arn = arn;
        this.description = description;
        this.actionsEnabled = actionsEnabled;
        this.alarmActions = alarmActions;
        this.okActions = okActions;
        this.insufficientDataActions = insufficientDataActions;
        this.metric = metric;
        this.statistic = statistic;
        this.period = period;
        this.evaluationPeriods = evaluationPeriods;
        this.datapointsToAlarm = datapointsToAlarm;
        this.threshold = threshold;
        this.comparisonOperator = comparisonOperator;
        this.treatMissingData = treatMissingData;
        this.unit = unit;
        this.configuredAt = configuredAt;
        this.stateUpdatedAt = configuredAt;
    }

    boolean breaches(double value) {
        return switch (comparisonOperator) {
            case "GreaterThanOrEqualToThreshold" -> value >= threshold;
            case "GreaterThanThreshold" -> value > threshold;
            case "LessThanThreshold" -> value < threshold;
            default -> value <= threshold;
        };
    }
}

package io.accessloop.sandbox.cloudwatch;

import io.accessloop.sandbox.core.AwsError;
import io.accessloop.sandbox.core.Doc;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * CloudWatch metrics and alarms over the Query protocol (what the AWS SDK v2 2.35 CloudWatch client speaks):
 * PutMetricData, ListMetrics, GetMetricStatistics, GetMetricData (metric statistics, no math), PutMetricAlarm,
 * DescribeAlarms (state evaluated from the stored data on every call) and DeleteAlarms.
 */
public final class CloudWatchApi {

    public static final String VERSION = "2010-08-01";
    public static final String NAMESPACE = "http://monitoring.amazonaws.com/doc/2010-08-01/";
    public static final Set<String> ACTIONS = Set.of("PutMetricData", "ListMetrics", "GetMetricStatistics",
            "GetMetricData", "PutMetricAlarm", "DescribeAlarms", "DeleteAlarms");
    /** CloudWatch records these as CloudTrail data events, not management events. */
    public static final Set<String> DATA_EVENTS = Set.of("PutMetricData", "ListMetrics", "GetMetricStatistics",
            "GetMetricData");

    private static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second",
            "Count/Second", "None");
    private static final Set<String> OPERATORS = Set.of("GreaterThanOrEqualToThreshold", "GreaterThanThreshold",
            "LessThanThreshold", "LessThanOrEqualToThreshold");
    private static final Set<String> MISSING_DATA = Set.of("breaching", "notBreaching", "ignore", "missing");
    private static final Pattern QUERY_ID = Pattern.compile("[a-z][a-zA-Z0-9_]{0,254}");

    private final String accountId;
    private final String region;
    private final MetricStore store;
    private final Map<String, Alarm> alarms = new TreeMap<>();

    public CloudWatchApi(String accountId, String region, MetricStore store) {
        this.accountId = accountId;
        this.region = region;
        this.store = store;
    }

    public static boolean readOnly(String action) {
        return action.startsWith("Get") || action.startsWith("List") || action.startsWith("Describe");
    }

    public MetricStore store() {
        return store;
    }

    public synchronized void clear() {
        store.clear();
        alarms.clear();
    }

    /** The result element of the action (null for actions answering only metadata). */
    public Doc handle(String action, Map<String, String> params, Instant now) {
        return switch (action) {
            case "PutMetricData" -> putMetricData(params, now);
            case "ListMetrics" -> listMetrics(params, now);
            case "GetMetricStatistics" -> getMetricStatistics(params);
            case "GetMetricData" -> getMetricData(params);
            case "PutMetricAlarm" -> putMetricAlarm(params, now);
            case "DescribeAlarms" -> describeAlarms(params, now);
            case "DeleteAlarms" -> deleteAlarms(params);
            default -> throw new AwsError("InvalidAction", 400, "Could not find operation " + action
                    + " for version " + VERSION);
        };
    }

    private Doc putMetricData(Map<String, String> params, Instant now) {
        String namespace = required(params, "Namespace");
        if (namespace.length() > 255 || namespace.startsWith("AWS/")) {
            throw invalid("The value " + namespace + " for parameter Namespace is invalid.");
        }
        List<Map<String, String>> members = QueryMembers.of(params, "MetricData");
        if (members.isEmpty() || members.size() > 1000) {
            throw invalid("The parameter MetricData must contain between 1 and 1000 items.");
        }
        List<Datum> batch = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            batch.add(datum(namespace, members.get(i), i + 1, now));
        }
        store.add(batch);
        return null;
    }

    private static Datum datum(String namespace, Map<String, String> m, int index, Instant now) {
        String where = "MetricData.member." + index + ".";
        String name = m.get("MetricName");
        if (name == null || name.isEmpty() || name.length() > 255) {
            throw new AwsError("MissingParameter", 400, "The parameter " + where + "MetricName is required.");
        }
        MetricKey key = new MetricKey(namespace, name, dimensions(m, where));
        Instant timestamp = m.containsKey("Timestamp") ? time(m.get("Timestamp"), where + "Timestamp") : now;
        if (timestamp.isBefore(now.minus(Duration.ofDays(14))) || timestamp.isAfter(now.plus(Duration.ofHours(2)))) {
            throw invalid("The parameter " + where + "Timestamp must be within the last two weeks and at most "
                    + "two hours in the future.");
        }
        String unit = m.getOrDefault("Unit", "None");
        if (!UNITS.contains(unit)) {
            throw invalid("The parameter " + where + "Unit has an invalid value " + unit + ".");
        }
        int resolution = m.containsKey("StorageResolution") ? integer(m.get("StorageResolution"),
                where + "StorageResolution") : 60;
        if (resolution != 1 && resolution != 60) {
            throw invalid("The parameter " + where + "StorageResolution must be 1 or 60.");
        }
        boolean hasValue = m.containsKey("Value");
        boolean hasStats = m.keySet().stream().anyMatch(k -> k.startsWith("StatisticValues."));
        List<Double> values = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        for (Map<String, String> v : QueryMembers.of(m, "Values")) {
            values.add(number(v.get(""), where + "Values"));
        }
        for (Map<String, String> c : QueryMembers.of(m, "Counts")) {
            counts.add(number(c.get(""), where + "Counts"));
        }
        int kinds = (hasValue ? 1 : 0) + (hasStats ? 1 : 0) + (values.isEmpty() ? 0 : 1);
        if (kinds != 1) {
            throw new AwsError("InvalidParameterCombination", 400, "The parameters " + where + "Value, "
                    + where + "StatisticValues and " + where + "Values are mutually exclusive and one is required.");
        }
        if (hasValue) {
            double v = number(m.get("Value"), where + "Value");
            return new Datum(key, timestamp, unit, resolution, 1, v, v, v, List.of(v), List.of());
        }
        if (hasStats) {
            double count = number(m.get("StatisticValues.SampleCount"), where + "StatisticValues.SampleCount");
            double sum = number(m.get("StatisticValues.Sum"), where + "StatisticValues.Sum");
            double min = number(m.get("StatisticValues.Minimum"), where + "StatisticValues.Minimum");
            double max = number(m.get("StatisticValues.Maximum"), where + "StatisticValues.Maximum");
            if (count <= 0 || min > max) {
                throw invalid("The parameter " + where + "StatisticValues is inconsistent: SampleCount must be "
                        + "positive and Minimum at most Maximum.");
            }
            return new Datum(key, timestamp, unit, resolution, count, sum, min, max, List.of(), List.of());
        }
        if (values.size() > 150 || (!counts.isEmpty() && counts.size() != values.size())) {
            throw invalid("The parameter " + where + "Values holds at most 150 values, and Counts, when given, "
                    + "one count per value.");
        }
        double count = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.size(); i++) {
            double c = counts.isEmpty() ? 1 : counts.get(i);
            count += c;
            sum += values.get(i) * c;
            min = Math.min(min, values.get(i));
            max = Math.max(max, values.get(i));
        }
        return new Datum(key, timestamp, unit, resolution, count, sum, min, max, List.copyOf(values),
                List.copyOf(counts));
    }

    private static java.util.SortedMap<String, String> dimensions(Map<String, String> m, String where) {
        java.util.SortedMap<String, String> out = new TreeMap<>();
        List<Map<String, String>> dims = QueryMembers.of(m, "Dimensions");
        if (dims.size() > 30) {
            throw invalid("The parameter " + where + "Dimensions holds at most 30 dimensions.");
        }
        for (Map<String, String> d : dims) {
            String name = d.get("Name");
            String value = d.get("Value");
            if (name == null || name.isEmpty() || value == null || value.isEmpty()) {
                throw invalid("Each dimension of " + where + "Dimensions needs a non-empty Name and Value.");
            }
            if (out.put(name, value) != null) {
                throw invalid("The dimension " + name + " appears twice in " + where + "Dimensions.");
            }
        }
        return out;
    }

    private Doc listMetrics(Map<String, String> params, Instant now) {
        String namespace = params.get("Namespace");
        String name = params.get("MetricName");
        List<Map<String, String>> filters = QueryMembers.of(params, "Dimensions");
        String recently = params.get("RecentlyActive");
        if (recently != null && !recently.equals("PT3H")) {
            throw invalid("The parameter RecentlyActive must be PT3H.");
        }
        Instant activeSince = recently == null ? Instant.MIN : now.minus(Duration.ofHours(3));
        Set<MetricKey> metrics = new LinkedHashSet<>();
        for (Datum d : store.find(d -> (namespace == null || d.metric().namespace().equals(namespace))
                && (name == null || d.metric().metricName().equals(name)) && !d.timestamp().isBefore(activeSince))) {
            boolean matches = filters.stream().allMatch(f -> d.metric().dimensions().containsKey(f.get("Name"))
                    && (f.get("Value") == null || f.get("Value").equals(d.metric().dimensions().get(f.get("Name")))));
            if (matches) {
                metrics.add(d.metric());
            }
        }
        List<Doc> all = metrics.stream().map(CloudWatchApi::metricDoc).toList();
        Doc out = Doc.of();
        out.with("Metrics", page(all, 500, params.get("NextToken"), out));
        return out;
    }

    private static Doc metricDoc(MetricKey k) {
        List<Doc> dims = k.dimensions().entrySet().stream()
                .map(e -> Doc.of().with("Name", e.getKey()).with("Value", e.getValue())).toList();
        return Doc.of().with("Namespace", k.namespace()).with("MetricName", k.metricName()).with("Dimensions", dims);
    }

    private Doc getMetricStatistics(Map<String, String> params) {
        MetricKey metric = new MetricKey(required(params, "Namespace"), required(params, "MetricName"),
                dimensions(params, ""));
        Instant start = time(required(params, "StartTime"), "StartTime");
        Instant end = time(required(params, "EndTime"), "EndTime");
        int period = period(required(params, "Period"), "Period");
        List<String> statistics = QueryMembers.scalars(params, "Statistics");
        if (!QueryMembers.scalars(params, "ExtendedStatistics").isEmpty()) {
            throw invalid("Extended statistics (percentiles) are not supported by the sandbox.");
        }
        if (statistics.isEmpty() || statistics.size() > 5) {
            throw new AwsError("MissingParameter", 400, "The parameter Statistics must hold 1 to 5 statistics.");
        }
        statistics.forEach(s -> Statistics.requireKnown(s, "Statistics"));
        if (!start.isBefore(end)) {
            throw invalid("The parameter StartTime must be before EndTime.");
        }
        if (Duration.between(start, end).getSeconds() / period > 1440) {
            throw new AwsError("InvalidParameterCombination", 400, "You have requested up to "
                    + Duration.between(start, end).getSeconds() / period + " datapoints, which exceeds the limit of "
                    + "1440. You may reduce the datapoints requested by increasing Period, or decreasing the time "
                    + "range.");
        }
        String unit = params.get("Unit");
        List<Doc> points = new ArrayList<>();
        byPeriod(metric, start, end, period, unit).forEach((at, data) -> {
            Doc p = Doc.of().with("Timestamp", at);
            for (String s : statistics) {
                p.with(s, Statistics.of(s, data));
            }
            points.add(p.with("Unit", data.get(0).unit()));
        });
        return Doc.of().with("Label", metric.metricName()).with("Datapoints", points);
    }

    private TreeMap<Instant, List<Datum>> byPeriod(MetricKey metric, Instant start, Instant end, int period,
                                                   String unit) {
        TreeMap<Instant, List<Datum>> out = new TreeMap<>();
        for (Datum d : store.of(metric, start, end)) {
            if (unit == null || unit.equals(d.unit())) {
                out.computeIfAbsent(Statistics.periodStart(d.timestamp(), period), k -> new ArrayList<>()).add(d);
            }
        }
        return out;
    }

    private Doc getMetricData(Map<String, String> params) {
        Instant start = time(required(params, "StartTime"), "StartTime");
        Instant end = time(required(params, "EndTime"), "EndTime");
        if (!start.isBefore(end)) {
            throw invalid("The parameter StartTime must be before EndTime.");
        }
        String scanBy = params.getOrDefault("ScanBy", "TimestampDescending");
        if (!scanBy.equals("TimestampDescending") && !scanBy.equals("TimestampAscending")) {
            throw invalid("The parameter ScanBy must be TimestampDescending or TimestampAscending.");
        }
        int maxPoints = params.containsKey("MaxDatapoints") ? integer(params.get("MaxDatapoints"), "MaxDatapoints")
                : 100_800;
        List<Map<String, String>> queries = QueryMembers.of(params, "MetricDataQueries");
        if (queries.isEmpty() || queries.size() > 500) {
            throw invalid("The parameter MetricDataQueries must hold 1 to 500 queries.");
        }
        Set<String> ids = new LinkedHashSet<>();
        List<Doc> results = new ArrayList<>();
        int remaining = maxPoints;
        for (int i = 0; i < queries.size(); i++) {
            Map<String, String> q = queries.get(i);
            String where = "MetricDataQueries.member." + (i + 1) + ".";
            String id = q.get("Id");
            if (id == null || !QUERY_ID.matcher(id).matches() || !ids.add(id)) {
                throw invalid("The parameter " + where + "Id must be unique, start with a lower-case letter and "
                        + "hold only letters, digits and underscores.");
            }
            if (q.containsKey("Expression")) {
                throw invalid("Metric math (" + where + "Expression) is not supported by the sandbox.");
            }
            String namespace = q.get("MetricStat.Metric.Namespace");
            String name = q.get("MetricStat.Metric.MetricName");
            if (namespace == null || name == null) {
                throw new AwsError("MissingParameter", 400, "The parameter " + where + "MetricStat is required.");
            }
            Map<String, String> metricParams = new LinkedHashMap<>();
            q.forEach((k, v) -> {
                if (k.startsWith("MetricStat.Metric.")) {
                    metricParams.put(k.substring("MetricStat.Metric.".length()), v);
                }
            });
            MetricKey metric = new MetricKey(namespace, name, dimensions(metricParams, where + "MetricStat.Metric."));
            int period = period(q.get("MetricStat.Period"), where + "MetricStat.Period");
            String stat = q.get("MetricStat.Stat");
            if (stat == null) {
                throw new AwsError("MissingParameter", 400, "The parameter " + where + "MetricStat.Stat is required.");
            }
            Statistics.requireKnown(stat, where + "MetricStat.Stat");
            if ("false".equals(q.get("ReturnData"))) {
                continue;
            }
            List<Instant> timestamps = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            TreeMap<Instant, List<Datum>> periods = byPeriod(metric, start, end, period, q.get("MetricStat.Unit"));
            var entries = scanBy.equals("TimestampAscending") ? periods.entrySet() : periods.descendingMap().entrySet();
            boolean partial = false;
            for (var e : entries) {
                if (remaining == 0) {
                    partial = true;
                    break;
                }
                timestamps.add(e.getKey());
                values.add(Statistics.of(stat, e.getValue()));
                remaining--;
            }
            results.add(Doc.of().with("Id", id).with("Label", q.getOrDefault("Label", name))
                    .with("Timestamps", timestamps).with("Values", values)
                    .with("StatusCode", partial ? "PartialData" : "Complete"));
        }
        return Doc.of().with("MetricDataResults", results).with("Messages", List.of());
    }

    private synchronized Doc putMetricAlarm(Map<String, String> params, Instant now) {
        String name = required(params, "AlarmName");
        if (name.length() > 255) {
            throw invalid("The parameter AlarmName must be at most 255 characters.");
        }
        if (!QueryMembers.of(params, "Metrics").isEmpty() || params.containsKey("ExtendedStatistic")
                || params.containsKey("ThresholdMetricId")) {
            throw invalid("Metric math, extended statistics and anomaly detection alarms are not supported by "
                    + "the sandbox.");
        }
        MetricKey metric = new MetricKey(required(params, "Namespace"), required(params, "MetricName"),
                dimensions(params, ""));
        String statistic = required(params, "Statistic");
        Statistics.requireKnown(statistic, "Statistic");
        int period = period(required(params, "Period"), "Period");
        int evaluationPeriods = integer(required(params, "EvaluationPeriods"), "EvaluationPeriods");
        if (evaluationPeriods < 1) {
            throw invalid("The parameter EvaluationPeriods must be at least 1.");
        }
        int toAlarm = params.containsKey("DatapointsToAlarm")
                ? integer(params.get("DatapointsToAlarm"), "DatapointsToAlarm") : evaluationPeriods;
        if (toAlarm < 1 || toAlarm > evaluationPeriods) {
            throw invalid("The parameter DatapointsToAlarm must be between 1 and EvaluationPeriods.");
        }
        double threshold = number(required(params, "Threshold"), "Threshold");
        String operator = required(params, "ComparisonOperator");
        if (!OPERATORS.contains(operator)) {
            throw invalid("The parameter ComparisonOperator must be one of " + new java.util.TreeSet<>(OPERATORS)
                    + ".");
        }
        String missing = params.getOrDefault("TreatMissingData", "missing");
        if (!MISSING_DATA.contains(missing)) {
            throw invalid("The parameter TreatMissingData must be breaching, notBreaching, ignore or missing.");
        }
        String unit = params.get("Unit");
        if (unit != null && !UNITS.contains(unit)) {
            throw invalid("The parameter Unit has an invalid value " + unit + ".");
        }
        Alarm alarm = new Alarm(name, "arn:aws:cloudwatch:" + region + ":" + accountId + ":alarm:" + name,
                params.get("AlarmDescription"), !"false".equals(params.get("ActionsEnabled")),
                QueryMembers.scalars(params, "AlarmActions"), QueryMembers.scalars(params, "OKActions"),
                QueryMembers.scalars(params, "InsufficientDataActions"), metric, statistic, period, evaluationPeriods,
                toAlarm, threshold, operator, missing, unit, now);
        alarms.put(name, alarm);
        return null;
    }

    private synchronized Doc describeAlarms(Map<String, String> params, Instant now) {
        List<String> names = QueryMembers.scalars(params, "AlarmNames");
        String prefix = params.get("AlarmNamePrefix");
        if (!names.isEmpty() && prefix != null) {
            throw new AwsError("InvalidParameterCombination", 400, "AlarmNames and AlarmNamePrefix cannot be used "
                    + "together.");
        }
        String state = params.get("StateValue");
        if (state != null && !Set.of("OK", "ALARM", "INSUFFICIENT_DATA").contains(state)) {
            throw invalid("The parameter StateValue must be OK, ALARM or INSUFFICIENT_DATA.");
        }
        int max = params.containsKey("MaxRecords") ? integer(params.get("MaxRecords"), "MaxRecords") : 50;
        if (max < 1 || max > 100) {
            throw invalid("The parameter MaxRecords must be between 1 and 100.");
        }
        List<Doc> all = new ArrayList<>();
        for (Alarm a : alarms.values()) {
            if ((!names.isEmpty() && !names.contains(a.name)) || (prefix != null && !a.name.startsWith(prefix))) {
                continue;
            }
            evaluate(a, now);
            if (state == null || state.equals(a.state)) {
                all.add(alarmDoc(a));
            }
        }
        Doc out = Doc.of();
        out.with("MetricAlarms", page(all, max, params.get("NextToken"), out)).with("CompositeAlarms", List.of());
        return out;
    }

    /** The alarm's state from its last complete evaluation periods. */
    private void evaluate(Alarm a, Instant now) {
        Instant end = Statistics.periodStart(now, a.period);
        Instant start = end.minusSeconds((long) a.period * a.evaluationPeriods);
        TreeMap<Instant, List<Datum>> data = byPeriod(a.metric, start, end, a.period, a.unit);
        int breaching = 0;
        int present = 0;
        List<String> shown = new ArrayList<>();
        for (Instant p = start; p.isBefore(end); p = p.plusSeconds(a.period)) {
            List<Datum> in = data.get(p);
            if (in == null) {
                if (a.treatMissingData.equals("breaching")) {
                    breaching++;
                    present++;
                } else if (a.treatMissingData.equals("notBreaching")) {
                    present++;
                }
                continue;
            }
            double value = Statistics.of(a.statistic, in);
            shown.add(String.valueOf(value));
            present++;
            if (a.breaches(value)) {
                breaching++;
            }
        }
        String next;
        String reason;
        if (breaching >= a.datapointsToAlarm) {
            next = "ALARM";
            reason = "Threshold Crossed: " + breaching + " out of the last " + a.evaluationPeriods + " datapoints "
                    + shown + " crossed the threshold (" + a.threshold + ") with " + a.comparisonOperator + ".";
        } else if (present == 0) {
            next = "INSUFFICIENT_DATA";
            reason = "Insufficient Data: no datapoints in the last " + a.evaluationPeriods + " periods of "
                    + a.period + " seconds.";
        } else {
            next = "OK";
            reason = "Threshold not crossed: " + breaching + " out of the last " + a.evaluationPeriods
                    + " datapoints " + shown + " crossed the threshold (" + a.threshold + ").";
        }
        if (!next.equals(a.state)) {
            a.state = next;
            a.stateUpdatedAt = now;
        }
        a.stateReason = reason;
    }

    private static Doc alarmDoc(Alarm a) {
        List<Doc> dims = a.metric.dimensions().entrySet().stream()
                .map(e -> Doc.of().with("Name", e.getKey()).with("Value", e.getValue())).toList();
        return Doc.of().with("AlarmName", a.name).with("AlarmArn", a.arn).with("AlarmDescription", a.description)
                .with("AlarmConfigurationUpdatedTimestamp", a.configuredAt).with("ActionsEnabled", a.actionsEnabled)
                .with("OKActions", a.okActions).with("AlarmActions", a.alarmActions)
                .with("InsufficientDataActions", a.insufficientDataActions).with("StateValue", a.state)
                .with("StateReason", a.stateReason).with("StateUpdatedTimestamp", a.stateUpdatedAt)
                .with("MetricName", a.metric.metricName()).with("Namespace", a.metric.namespace())
                .with("Statistic", a.statistic).with("Dimensions", dims).with("Period", a.period)
                .with("Unit", a.unit).with("EvaluationPeriods", a.evaluationPeriods)
                .with("DatapointsToAlarm", a.datapointsToAlarm).with("Threshold", a.threshold)
                .with("ComparisonOperator", a.comparisonOperator).with("TreatMissingData", a.treatMissingData);
    }

    private synchronized Doc deleteAlarms(Map<String, String> params) {
        List<String> names = QueryMembers.scalars(params, "AlarmNames");
        if (names.isEmpty()) {
            throw new AwsError("MissingParameter", 400, "The parameter AlarmNames is required.");
        }
        for (String name : names) {
            if (!alarms.containsKey(name)) {
                throw new AwsError("ResourceNotFound", 404, "Alarm " + name + " does not exist.");
            }
        }
        names.forEach(alarms::remove);
        return null;
    }

    private static List<Doc> page(List<Doc> all, int max, String token, Doc out) {
        int start = 0;
        if (token != null) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                if (!text.startsWith("offset:")) {
                    throw new IllegalArgumentException();
                }
                start = Integer.parseInt(text.substring(7));
                if (start < 0) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw new AwsError("InvalidNextToken", 400, "The NextToken is invalid.");
            }
        }
        int end = Math.min(all.size(), start + max);
        if (end < all.size()) {
            out.with("NextToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("offset:" + end).getBytes(StandardCharsets.UTF_8)));
        }
        return start >= all.size() ? List.of() : new ArrayList<>(all.subList(start, end));
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw new AwsError("MissingParameter", 400, "The parameter " + name + " is required.");
        }
        return value;
    }

    private static int period(String text, String field) {
        if (text == null) {
            throw new AwsError("MissingParameter", 400, "The parameter " + field + " is required.");
        }
        int p = integer(text, field);
        if (!(p == 1 || p == 5 || p == 10 || p == 30 || (p >= 60 && p % 60 == 0))) {
            throw invalid("The parameter " + field + " must be 1, 5, 10, 30 or a multiple of 60.");
        }
        return p;
    }

    private static Instant time(String text, String field) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid("The parameter " + field + " must be an ISO-8601 timestamp.");
        }
    }

    private static int integer(String text, String field) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw invalid("The parameter " + field + " must be an integer.");
        }
    }

    private static double number(String text, String field) {
        if (text == null) {
            throw new AwsError("MissingParameter", 400, "The parameter " + field + " is required.");
        }
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isNaN(v) || Double.isInfinite(v) || Math.abs(v) > 1e108 || (v != 0 && Math.abs(v) < 1e-130)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw invalid("The value " + text + " for parameter " + field + " is invalid: CloudWatch accepts "
                    + "finite numbers between -2^360 and 2^360.");
        }
    }

    private static AwsError invalid(String message) {
        return new AwsError("InvalidParameterValue", 400, message);
    }
}

package io.accessloop.deploy.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.deploy.support.CloudFormation;
import io.accessloop.deploy.support.Repository;
import io.accessloop.testsupport.SandboxResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CloudWatch alarms of {@code deploy/aws/accessloop-monitoring.yaml} watch metrics the services really publish
 * (the meter is registered in the code of the service named by the alarm's dimension, under the name Micrometer gives
 * it in CloudWatch), and they are accepted and evaluated by CloudWatch: created on the aws-sandbox, a breaching series
 * puts one in ALARM while a healthy one stays OK.
 */
class MonitoringTemplateTest {

    private static final CloudFormation MONITORING =
            CloudFormation.load(Repository.path("deploy/aws/accessloop-monitoring.yaml"), Map.of());
    private static final Pattern METER = Pattern.compile("(Timer|Gauge|Counter)\\.builder\\(\\s*\"([a-z_]+)\"");
    /** Micrometer's CloudWatch registry: a timer as four series in milliseconds, a gauge as one. */
    private static final Map<String, Set<String>> SUFFIXES = Map.of(
            "Timer", Set.of("max", "avg", "sum", "count"),
            "Gauge", Set.of("value"),
            "Counter", Set.of("count"));

    private static CloudWatchClient cloudWatch;

    @BeforeAll
    static void connect() {
        cloudWatch = CloudWatchClient.builder()
                .endpointOverride(SandboxResource.endpoint())
                .region(Region.of(SandboxResource.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(SandboxResource.ACCESS_KEY, SandboxResource.SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @AfterAll
    static void cleanUp() {
        cloudWatch.deleteAlarms(b -> b.alarmNames(alarms().stream().map(MetricAlarm::alarmName).toList()));
        cloudWatch.close();
    }

    @Test
    void everyAlarmWatchesAMeterItsServiceRegistersUnderMicrometersCloudWatchName() {
        List<MetricAlarm> alarms = alarms();
        assertThat(alarms).extracting(MetricAlarm::alarmName).contains("accessloop-time-to-revoke",
                "accessloop-time-to-grant", "accessloop-drift-detection-lag", "accessloop-open-critical-findings",
                "accessloop-outbox-lag-broker-service", "accessloop-outbox-lag-drift-service",
                "accessloop-outbox-lag-lifecycle-service");
        for (MetricAlarm alarm : alarms) {
            assertThat(alarm.namespace()).as(alarm.alarmName()).isEqualTo(publishedNamespace());
            String service = dimension(alarm, "service");
            assertThat(service).as(alarm.alarmName()).isIn(Repository.SERVICES);
            String meter = alarm.metricName().substring(0, alarm.metricName().indexOf('.'));
            String suffix = alarm.metricName().substring(meter.length() + 1);
            String kind = meterKind(service, meter);
            assertThat(kind).as(alarm.alarmName() + ": " + meter + " is registered by " + service).isNotNull();
            assertThat(SUFFIXES.get(kind)).as(alarm.alarmName()).contains(suffix);
            if (kind.equals("Timer")) {
                assertThat(alarm.unit()).as(alarm.alarmName()).isEqualTo(StandardUnit.MILLISECONDS);
            }
            assertThat(alarm.alarmActions()).as(alarm.alarmName()).isNotEmpty();
        }
    }

    @Test
    void cloudWatchAcceptsTheAlarmsAndABreachingSeriesRaisesOnlyItsOwn() {
        for (MetricAlarm alarm : alarms()) {
            cloudWatch.putMetricAlarm(request(alarm));
        }
        Instant now = Instant.now();
        for (int minute = 1; minute <= 3; minute++) {
            put("accessloop_time_to_revoke_seconds.max", "broker-service", 12_000, now.minus(Duration.ofMinutes(minute)));
            put("accessloop_outbox_lag_seconds.max", "broker-service", 40, now.minus(Duration.ofMinutes(minute)));
        }

        Map<String, StateValue> states = cloudWatch.describeAlarms(b -> b.alarmNamePrefix("accessloop-"))
                .metricAlarms().stream().collect(Collectors.toMap(MetricAlarm::alarmName, MetricAlarm::stateValue));

        assertThat(states).containsKeys(alarms().stream().map(MetricAlarm::alarmName).toArray(String[]::new));
        assertThat(states.get("accessloop-time-to-revoke")).isEqualTo(StateValue.ALARM);
        assertThat(states.get("accessloop-outbox-lag-broker-service")).isEqualTo(StateValue.OK);
    }

    private static void put(String metric, String service, double milliseconds, Instant at) {
        cloudWatch.putMetricData(b -> b.namespace(publishedNamespace()).metricData(MetricDatum.builder()
                .metricName(metric)
                .dimensions(Dimension.builder().name("service").value(service).build())
                .unit(StandardUnit.MILLISECONDS)
                .value(milliseconds)
                .timestamp(at)
                .build()));
    }

    private static PutMetricAlarmRequest request(MetricAlarm alarm) {
        return PutMetricAlarmRequest.builder()
                .alarmName(alarm.alarmName())
                .alarmDescription(alarm.alarmDescription())
                .namespace(alarm.namespace())
                .metricName(alarm.metricName())
                .dimensions(alarm.dimensions())
                .statistic(alarm.statistic())
                .unit(alarm.unit())
                .period(alarm.period())
                .evaluationPeriods(alarm.evaluationPeriods())
                .datapointsToAlarm(alarm.datapointsToAlarm())
                .threshold(alarm.threshold())
                .comparisonOperator(alarm.comparisonOperator())
                .treatMissingData(alarm.treatMissingData())
                .alarmActions(alarm.alarmActions())
                .okActions(alarm.okActions())
                .build();
    }

    /** The template's alarms as the CloudWatch model, with every intrinsic resolved. */
    private static List<MetricAlarm> alarms() {
        List<MetricAlarm> out = new ArrayList<>();
        for (String id : MONITORING.resourcesOfType("AWS::CloudWatch::Alarm")) {
            JsonNode p = MONITORING.properties(id);
            List<Dimension> dimensions = new ArrayList<>();
            p.path("Dimensions").forEach(d -> dimensions.add(Dimension.builder()
                    .name(d.path("Name").asText()).value(d.path("Value").asText()).build()));
            List<String> actions = new ArrayList<>();
            p.path("AlarmActions").forEach(a -> actions.add(topicArn(a.asText())));
            MetricAlarm.Builder alarm = MetricAlarm.builder()
                    .alarmName(p.path("AlarmName").asText())
                    .alarmDescription(p.path("AlarmDescription").asText())
                    .namespace(p.path("Namespace").asText())
                    .metricName(p.path("MetricName").asText())
                    .dimensions(dimensions)
                    .statistic(Statistic.fromValue(p.path("Statistic").asText()))
                    .period(p.path("Period").asInt())
                    .evaluationPeriods(p.path("EvaluationPeriods").asInt())
                    .datapointsToAlarm(p.path("DatapointsToAlarm").asInt(p.path("EvaluationPeriods").asInt()))
                    .threshold(Double.parseDouble(p.path("Threshold").asText()))
                    .comparisonOperator(ComparisonOperator.fromValue(p.path("ComparisonOperator").asText()))
                    .treatMissingData(p.path("TreatMissingData").asText())
                    .alarmActions(actions)
                    .okActions(actions);
            if (p.has("Unit")) {
                alarm.unit(StandardUnit.fromValue(p.path("Unit").asText()));
            }
            out.add(alarm.build());
        }
        return out;
    }

    /** {@code Ref} of an SNS topic is its ARN; the resolver gives the physical name. */
    private static String topicArn(String physicalName) {
        return physicalName.startsWith("arn:") ? physicalName
                : "arn:aws:sns:" + CloudFormation.REGION + ":" + CloudFormation.ACCOUNT + ":" + physicalName;
    }

    private static String dimension(MetricAlarm alarm, String name) {
        return alarm.dimensions().stream().filter(d -> d.name().equals(name)).map(Dimension::value)
                .findFirst().orElse(null);
    }

    /** Timer, Gauge or Counter when the service (or service-kit, which every back-end service runs) registers it. */
    private static String meterKind(String service, String meter) {
        for (String module : List.of(service, "service-kit")) {
            for (var source : Repository.files(module + "/src/main/java", ".java")) {
                Matcher m = METER.matcher(Repository.read(source));
                while (m.find()) {
                    if (m.group(2).equals(meter)) {
                        return m.group(1);
                    }
                }
            }
        }
        return null;
    }

    private static String publishedNamespace() {
        String settings = Repository.read("service-kit/src/main/java/io/accessloop/kit/metrics/CloudWatchSettings.java");
        Matcher m = Pattern.compile("@WithDefault\\(\"([^\"]+)\"\\)\\s+String namespace\\(\\)").matcher(settings);
        assertThat(m.find()).as("CloudWatchSettings declares its namespace default").isTrue();
        return m.group(1);
    }
}

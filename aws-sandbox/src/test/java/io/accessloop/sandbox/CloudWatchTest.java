package io.accessloop.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
class CloudWatchTest extends SandboxTestBase {

    private static final Dimension SERVICE = Dimension.builder().name("service").value("broker").build();

    private CloudWatchClient cloudWatch;
    private Instant minute;

    @BeforeEach
    void client() {
        cloudWatch = AwsClients.cloudWatch(AwsClients.ROOT);
        minute = sandbox.clock().now().truncatedTo(ChronoUnit.MINUTES);
    }

    @AfterEach
    void closeClient() {
        cloudWatch.close();
    }

    private static MetricDatum value(String name, double v, Instant at) {
        return MetricDatum.builder().metricName(name).dimensions(SERVICE).value(v).timestamp(at)
                .unit(StandardUnit.SECONDS).build();
    }

    private void errorCode(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CloudWatchException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code));
    }

    @Test
    void putDataIsListedAndItsStatisticsAreComputed() throws Exception {
        Instant first = minute.minusSeconds(120);
        Instant second = minute.minusSeconds(60);
        cloudWatch.putMetricData(r -> r.namespace("Accessloop").metricData(
                value("time_to_grant", 2.0, first.plusSeconds(5)),
                value("time_to_grant", 4.0, first.plusSeconds(35)),
                MetricDatum.builder().metricName("time_to_grant").dimensions(SERVICE).timestamp(second.plusSeconds(1))
                        .values(1.0, 3.0).counts(1.0, 3.0).unit(StandardUnit.SECONDS).build(),
                MetricDatum.builder().metricName("time_to_grant").dimensions(SERVICE).timestamp(second.plusSeconds(2))
                        .statisticValues(s -> s.sampleCount(2.0).sum(20.0).minimum(8.0).maximum(12.0))
                        .unit(StandardUnit.SECONDS).build(),
                value("open_findings", 7, second)));

        assertThat(cloudWatch.listMetrics(r -> r.namespace("Accessloop")).metrics())
                .extracting(m -> m.metricName()).containsExactlyInAnyOrder("time_to_grant", "open_findings");
        assertThat(cloudWatch.listMetrics(r -> r.namespace("Other")).metrics()).isEmpty();
        assertThat(cloudWatch.listMetrics(r -> r.dimensions(d -> d.name("service").value("broker"))).metrics())
                .hasSize(2).allSatisfy(m -> assertThat(m.dimensions()).containsExactly(SERVICE));

        List<Datapoint> points = new ArrayList<>(cloudWatch.getMetricStatistics(r -> r.namespace("Accessloop")
                .metricName("time_to_grant").dimensions(SERVICE).startTime(first).endTime(minute).period(60)
                .statistics(Statistic.SUM, Statistic.AVERAGE, Statistic.MAXIMUM, Statistic.SAMPLE_COUNT))
                .datapoints());
        points.sort(Comparator.comparing(Datapoint::timestamp));
        assertThat(points).hasSize(2);
        assertThat(points.get(0).timestamp()).isEqualTo(first);
        assertThat(points.get(0).sum()).isEqualTo(6.0);
        assertThat(points.get(0).average()).isEqualTo(3.0);
        assertThat(points.get(1).sampleCount()).isEqualTo(6.0);
        assertThat(points.get(1).sum()).isEqualTo(30.0);
        assertThat(points.get(1).maximum()).isEqualTo(12.0);
        assertThat(points.get(1).unitAsString()).isEqualTo("Seconds");

        MetricDataResult result = cloudWatch.getMetricData(r -> r.startTime(first).endTime(minute)
                .scanBy(ScanBy.TIMESTAMP_ASCENDING).metricDataQueries(MetricDataQuery.builder().id("grant")
                        .metricStat(s -> s.metric(m -> m.namespace("Accessloop").metricName("time_to_grant")
                                .dimensions(SERVICE)).period(60).stat("Maximum")).build()))
                .metricDataResults().get(0);
        assertThat(result.id()).isEqualTo("grant");
        assertThat(result.timestamps()).containsExactly(first, second);
        assertThat(result.values()).containsExactly(4.0, 12.0);
        assertThat(result.statusCodeAsString()).isEqualTo("Complete");

        String recorded = RestAssured.given().baseUri(AwsClients.endpoint().toString())
                .queryParam("metricName", "open_findings").get("/_sandbox/cloudwatch/metrics").then().statusCode(200)
                .extract().asString();
        JsonNode metrics = new ObjectMapper().readTree(recorded).path("metrics");
        assertThat(metrics).hasSize(1);
        assertThat(metrics.get(0).path("namespace").asText()).isEqualTo("Accessloop");
        assertThat(metrics.get(0).path("dimensions").path("service").asText()).isEqualTo("broker");
        assertThat(metrics.get(0).path("sum").asDouble()).isEqualTo(7.0);
    }

    @Test
    void aLargeBatchArrivesWhole() {
        List<MetricDatum> batch = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            batch.add(value("outbox_lag_with_a_rather_long_metric_name_" + (i % 10), i, minute.minusSeconds(i % 50)));
        }
        cloudWatch.putMetricData(r -> r.namespace("Accessloop").metricData(batch));
        assertThat(sandbox.metrics().find(d -> true)).hasSize(1000);
        assertThat(cloudWatch.listMetrics(r -> r.namespace("Accessloop")).metrics()).hasSize(10);
    }

    @Test
    void badDataIsRefusedWholeWithCloudWatchsErrors() {
        errorCode(() -> cloudWatch.putMetricData(r -> r.namespace("AWS/EC2").metricData(value("x", 1, minute))),
                "InvalidParameterValue");
        errorCode(() -> cloudWatch.putMetricData(r -> r.namespace("Accessloop").metricData(value("ok", 1, minute),
                MetricDatum.builder().metricName("both").value(1.0).statisticValues(s -> s.sampleCount(1.0).sum(1.0)
                        .minimum(1.0).maximum(1.0)).build())), "InvalidParameterCombination");
        errorCode(() -> cloudWatch.putMetricData(r -> r.namespace("Accessloop").metricData(value("ok", 1, minute),
                value("nan", Double.NaN, minute))), "InvalidParameterValue");
        errorCode(() -> cloudWatch.putMetricData(r -> r.namespace("Accessloop").metricData(
                value("old", 1, minute.minus(30, ChronoUnit.DAYS)))), "InvalidParameterValue");
        assertThat(sandbox.metrics().find(d -> true)).as("a refused batch stores nothing").isEmpty();

        errorCode(() -> cloudWatch.getMetricStatistics(r -> r.namespace("Accessloop").metricName("x")
                .startTime(minute.minusSeconds(600)).endTime(minute).period(7).statistics(Statistic.SUM)),
                "InvalidParameterValue");
        errorCode(() -> cloudWatch.getMetricStatistics(r -> r.namespace("Accessloop").metricName("x")
                .startTime(minute.minusSeconds(600)).endTime(minute).period(60).extendedStatistics("p99")),
                "InvalidParameterValue");
        errorCode(() -> cloudWatch.getMetricData(r -> r.startTime(minute.minusSeconds(600)).endTime(minute)
                .metricDataQueries(MetricDataQuery.builder().id("m").expression("SUM(METRICS())").build())),
                "InvalidParameterValue");
        errorCode(() -> cloudWatch.listMetrics(r -> r.nextToken("garbage")), "InvalidNextToken");
    }

    @Test
    void alarmsAreEvaluatedFromThePutData() {
        cloudWatch.putMetricAlarm(r -> r.alarmName("grant-slow").namespace("Accessloop").metricName("time_to_grant")
                .dimensions(SERVICE).statistic(Statistic.MAXIMUM).period(60).evaluationPeriods(2).threshold(5.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).alarmActions("arn:aws:sns:us-east-1:"
                        + ACCOUNT + ":ops"));
        var fresh = cloudWatch.describeAlarms(r -> r.alarmNames("grant-slow")).metricAlarms().get(0);
        assertThat(fresh.stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
        assertThat(fresh.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:" + ACCOUNT + ":alarm:grant-slow");
        assertThat(fresh.alarmActions()).containsExactly("arn:aws:sns:us-east-1:" + ACCOUNT + ":ops");

        cloudWatch.putMetricData(r -> r.namespace("Accessloop").metricData(value("time_to_grant", 9, minute.minusSeconds(110)),
                value("time_to_grant", 2, minute.minusSeconds(50))));
        assertThat(cloudWatch.describeAlarms(r -> r.alarmNames("grant-slow")).metricAlarms().get(0).stateValue())
                .as("one breaching datapoint of two").isEqualTo(StateValue.OK);

        cloudWatch.putMetricData(r -> r.namespace("Accessloop").metricData(value("time_to_grant", 8, minute.minusSeconds(40))));
        var alarm = cloudWatch.describeAlarms(r -> r.stateValue(StateValue.ALARM)).metricAlarms();
        assertThat(alarm).singleElement().satisfies(a -> {
            assertThat(a.alarmName()).isEqualTo("grant-slow");
            assertThat(a.stateReason()).contains("Threshold Crossed");
        });
        assertThat(cloudWatch.describeAlarms(r -> r.stateValue(StateValue.OK)).metricAlarms()).isEmpty();

        errorCode(() -> cloudWatch.putMetricAlarm(r -> r.alarmName("bad").namespace("Accessloop").metricName("x")
                .statistic(Statistic.SUM).period(60).evaluationPeriods(1).threshold(1.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD)), "InvalidParameterValue");
        errorCode(() -> cloudWatch.putMetricAlarm(r -> r.alarmName("bad").namespace("Accessloop").metricName("x")
                .statistic(Statistic.SUM).period(60).evaluationPeriods(1).datapointsToAlarm(3).threshold(1.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)), "InvalidParameterValue");
        errorCode(() -> cloudWatch.deleteAlarms(r -> r.alarmNames("nope")), "ResourceNotFound");

        cloudWatch.deleteAlarms(r -> r.alarmNames("grant-slow"));
        assertThat(cloudWatch.describeAlarms(r -> { }).metricAlarms()).isEmpty();
    }

    @Test
    void callsAreAuthorisedAndRecordedAsCloudWatchEvents() throws Exception {
        iam.createUser(r -> r.userName("publisher"));
        var key = iam.createAccessKey(r -> r.userName("publisher")).accessKey();
        try (CloudWatchClient publisher = AwsClients.cloudWatch(AwsBasicCredentials.create(key.accessKeyId(),
                key.secretAccessKey()))) {
            errorCode(() -> publisher.putMetricData(r -> r.namespace("Accessloop").metricData(value("x", 1, minute))),
                    "AccessDenied");
            iam.putUserPolicy(r -> r.userName("publisher").policyName("metrics").policyDocument(
                    allow("cloudwatch:PutMetricData", "*")));
            publisher.putMetricData(r -> r.namespace("Accessloop").metricData(value("x", 1, minute)));
        }
        assertThat(sandbox.metrics().find(d -> true)).hasSize(1);
        var events = sandbox.trail().all().stream().filter(e -> e.eventSource().equals("monitoring.amazonaws.com"))
                .toList();
        assertThat(events).extracting(e -> e.eventName()).containsExactly("PutMetricData", "PutMetricData");
        JsonNode denied = new ObjectMapper().readTree(events.get(0).json());
        assertThat(denied.path("errorCode").asText()).isEqualTo("AccessDenied");
        assertThat(denied.path("requestParameters").path("metricDataCount").asInt()).isEqualTo(1);
        assertThat(denied.path("eventCategory").asText()).isEqualTo("Data");
    }
}

package io.accessloop.drift.rightsizing.usage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.accessloop.drift.rightsizing.usage.TrailFiles.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

class CloudTrailFileReaderTest {

    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/app/reporting";
    private final CloudTrailFileReader reader = new CloudTrailFileReader();

    private List<ObservedCall> readAll(byte[] bytes, ReadStats stats) {
        List<ObservedCall> calls = new ArrayList<>();
        CallMapper mapper = new CallMapper();
        reader.read(new ByteArrayInputStream(bytes), stats, r -> mapper.map(r, stats, calls::add));
        return calls;
    }

    @Test
    void sessionsMapBackToTheirRoleAndEventsToIamActions() {
        byte[] file = TrailFiles.gzip(TrailFiles.file(
                TrailFiles.roleCall("reporting", "s3.amazonaws.com", "ListObjectsV2", "2026-11-02T10:00:00Z",
                        "[{\"type\":\"AWS::S3::Bucket\",\"ARN\":\"arn:aws:s3:::reports\"}]", null),
                TrailFiles.roleCall("reporting", "s3.amazonaws.com", "HeadObject", "2026-11-02T10:00:05Z",
                        "[{\"type\":\"AWS::S3::Bucket\",\"ARN\":\"arn:aws:s3:::reports\"},"
                                + "{\"type\":\"AWS::S3::Object\",\"ARN\":\"arn:aws:s3:::reports/a.csv\"}]", null),
                TrailFiles.roleCall("reporting", "monitoring.amazonaws.com", "PutMetricData", "2026-11-02T10:00:06Z",
                        null, null),
                TrailFiles.userCall("batch", "sqs.amazonaws.com", "SendMessage", "2026-11-02T11:00:00Z")));
        ReadStats stats = new ReadStats();

        List<ObservedCall> calls = readAll(file, stats);

        assertThat(calls).extracting(ObservedCall::principalArn, ObservedCall::action, ObservedCall::resource)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ROLE, "s3:ListBucket", "arn:aws:s3:::reports"),
                        org.assertj.core.groups.Tuple.tuple(ROLE, "s3:GetObject", "arn:aws:s3:::reports/a.csv"),
                        org.assertj.core.groups.Tuple.tuple(ROLE, "cloudwatch:PutMetricData", null),
                        org.assertj.core.groups.Tuple.tuple("arn:aws:iam::" + ACCOUNT + ":user/batch", "sqs:SendMessage", null));
        assertThat(calls.get(0).time()).isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
        assertThat(stats.records()).isEqualTo(4);
        assertThat(stats.mappedRecords()).isEqualTo(4);
        assertThat(stats.malformedRecords()).isZero();
    }

    @Test
    void malformedRecordsAndUnknownServicesAreSkippedOneByOneWithCounts() {
        byte[] file = TrailFiles.gzip(TrailFiles.file(
                "42",
                "{\"eventSource\":\"s3.amazonaws.com\"}",
                "{\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::1:user/u\"},\"eventTime\":\"yesterday\","
                        + "\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\"}",
                TrailFiles.roleCall("reporting", "nosuchservice.amazonaws.com", "DoThings", "2026-11-02T10:00:00Z", null, null),
                "{\"userIdentity\":{\"type\":\"Root\",\"arn\":\"arn:aws:iam::1:root\"},\"eventTime\":\"2026-11-02T10:00:00Z\","
                        + "\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\"}",
                TrailFiles.roleCall("reporting", "s3.amazonaws.com", "GetObject", "2026-11-02T10:00:00Z", null, null)));
        ReadStats stats = new ReadStats();

        List<ObservedCall> calls = readAll(file, stats);

        assertThat(calls).singleElement().satisfies(c -> assertThat(c.action()).isEqualTo("s3:GetObject"));
        assertThat(stats.records()).isEqualTo(6);
        assertThat(stats.malformedRecords()).isEqualTo(3);
        assertThat(stats.unknownServiceRecords()).isEqualTo(1);
        assertThat(stats.recordsWithoutPrincipal()).isEqualTo(1);
        assertThat(stats.truncatedFiles()).isZero();
    }

    @Test
    void aTruncatedGzipKeepsTheRecordsBeforeTheCutAndDoesNotThrow() {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            records.add(TrailFiles.roleCall("reporting", "s3.amazonaws.com", "GetObject", "2026-11-02T10:00:00Z",
                    null, null));
        }
        byte[] whole = TrailFiles.gzip(TrailFiles.file(records));
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        ReadStats stats = new ReadStats();

        List<ObservedCall> calls = readAll(cut, stats);

        assertThat(stats.truncatedFiles()).isEqualTo(1);
        assertThat(calls).hasSizeBetween(1, 1999);
        assertThat(stats.mappedRecords()).isEqualTo(calls.size());
    }

    @Test
    void anyCutOrCorruptionOfAFileIsCountedNeverThrown() {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            records.add(TrailFiles.roleCall("reporting", "s3.amazonaws.com", "GetObject", "2026-11-02T10:00:00Z",
                    null, null));
        }
        // fixed event ids: the damage below is seeded, so the bytes it damages must be the same on every run
        java.util.concurrent.atomic.AtomicInteger eventId = new java.util.concurrent.atomic.AtomicInteger();
        String file = java.util.regex.Pattern.compile("\"eventID\":\"[^\"]+\"").matcher(TrailFiles.file(records))
                .replaceAll(match -> "\"eventID\":\"00000000-0000-0000-0000-" + String.format("%012d", eventId.incrementAndGet()) + "\"");
        byte[] whole = TrailFiles.gzip(file);
        java.util.Random random = new java.util.Random(8);
        for (int run = 0; run < 2000; run++) {
            byte[] damaged = run % 2 == 0 ? Arrays.copyOf(whole, random.nextInt(whole.length))
                    : whole.clone();
            if (run % 2 == 1) {
                for (int flips = 0; flips < 3; flips++) {
                    damaged[10 + random.nextInt(damaged.length - 10)] ^= (byte) (1 + random.nextInt(255));
                }
            }
            ReadStats stats = new ReadStats();
            List<ObservedCall> calls = readAll(damaged, stats);
            assertThat(stats.files()).isEqualTo(1);
            assertThat(calls.size()).isEqualTo(stats.mappedRecords()).isLessThanOrEqualTo(200);
            assertThat(stats.mappedRecords() + stats.malformedRecords() + stats.unknownServiceRecords())
                    .isLessThanOrEqualTo(stats.records());
            if (calls.size() < 200) {
                assertThat(stats.truncatedFiles() + stats.unreadableFiles() + stats.malformedRecords()
                        + stats.unknownServiceRecords() + stats.recordsWithoutPrincipal()).as("every lost record is accounted for").isPositive();
            }
        }
    }

    @Test
    void damageThatClosesTheRootObjectEarlyIsCountedNotSilentlyLost() {
        // what a bit flip in the deflate data once produced: the records up to the damage, then "]}" closing the
        // log, then the rest of the (garbled) file; the reader used to stop at the early "]}" and report nothing
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(TrailFiles.roleCall("reporting", "s3.amazonaws.com", "GetObject", "2026-11-02T10:00:00Z",
                    null, null));
        }
        String early = TrailFiles.file(records.subList(0, 5));
        String rest = "," + String.join(",", records.subList(5, 20)) + "]}";
        ReadStats stats = new ReadStats();

        List<ObservedCall> calls = readAll(TrailFiles.gzip(early + rest), stats);

        assertThat(calls).hasSize(5);
        assertThat(stats.unreadableFiles() + stats.truncatedFiles()).as("the lost records are accounted for")
                .isEqualTo(1);

        ReadStats whole = new ReadStats();
        assertThat(readAll(TrailFiles.gzip(TrailFiles.file(records) + "\n"), whole)).hasSize(20);
        assertThat(whole.unreadableFiles() + whole.truncatedFiles()).as("trailing whitespace is no damage").isZero();
    }

    @Test
    void garbageAndBrokenJsonCountAsUnreadableFiles() {
        ReadStats stats = new ReadStats();
        readAll("not json at all".getBytes(StandardCharsets.UTF_8), stats);
        readAll(TrailFiles.gzip("{\"Records\":[{\"eventSource\": ]}"), stats);
        List<ObservedCall> calls = readAll(TrailFiles.file(TrailFiles.userCall("u", "sqs.amazonaws.com",
                "SendMessage", "2026-11-02T11:00:00Z")).getBytes(StandardCharsets.UTF_8), stats);

        assertThat(stats.unreadableFiles()).isEqualTo(2);
        assertThat(stats.files()).isEqualTo(3);
        assertThat(calls).as("plain (not gzip) JSON files are read too").hasSize(1);
    }

    @Test
    void logFilesAreFoundInTheS3LayoutAndFoldedIntoDailyRows(@TempDir Path root) throws Exception {
        Path day = root.resolve("AWSLogs/" + ACCOUNT + "/CloudTrail/eu-west-1/2026/11/02");
        Files.createDirectories(day);
        Files.write(day.resolve(ACCOUNT + "_CloudTrail_eu-west-1_20261102T1000Z_a.json.gz"), TrailFiles.gzip(TrailFiles.file(
                TrailFiles.roleCall("reporting", "s3.amazonaws.com", "GetObject", "2026-11-02T10:00:00Z", null, null),
                TrailFiles.roleCall("reporting", "s3.amazonaws.com", "GetObject", "2026-11-02T18:00:00Z", null, null),
                TrailFiles.roleCall("reporting", "s3.amazonaws.com", "GetObject", "2026-11-02T19:00:00Z", null,
                        "AccessDenied"))));
        Files.writeString(root.resolve("README.txt"), "not a log file");

        List<Path> files = CloudTrailFileReader.logFiles(root);
        UsageTally tally = new UsageTally();
        ReadStats stats = new ReadStats();
        CallMapper mapper = new CallMapper();
        files.forEach(f -> reader.read(f, stats, r -> mapper.map(r, stats, tally)));

        assertThat(files).hasSize(1);
        assertThat(tally.rows().entrySet()).singleElement().satisfies(e -> {
            assertThat(e.getKey()).isEqualTo(new UsageKey(ROLE, "s3:GetObject", "", LocalDate.parse("2026-11-02")));
            assertThat(e.getValue()).isEqualTo(new UsageCount(2, 1, Instant.parse("2026-11-02T10:00:00Z"),
                    Instant.parse("2026-11-02T19:00:00Z")));
        });
        assertThat(tally.deniedCalls()).singleElement().satisfies(c -> assertThat(c.denied()).isTrue());
        assertThat(CloudTrailFileReader.logFiles(root.resolve("missing"))).isEmpty();
    }

    @Test
    void timesAreParsedLikeInstantParse() {
        for (String t : List.of("2026-11-02T10:00:00Z", "2000-02-29T23:59:59Z", "1970-01-01T00:00:00Z",
                "2026-11-02T10:00:00.123Z")) {
            assertThat(TrailRecordParser.instant(t)).isEqualTo(Instant.parse(t));
        }
        assertThat(TrailRecordParser.instant("2026-13-02T10:00:00Z")).isNull();
        assertThat(TrailRecordParser.roleOfSession("arn:aws:sts::1:assumed-role/R/s")).isEqualTo("arn:aws:iam::1:role/R");
    }
}

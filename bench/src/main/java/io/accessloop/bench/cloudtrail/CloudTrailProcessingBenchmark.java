package io.accessloop.bench.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.drift.rightsizing.usage.CallMapper;
import io.accessloop.drift.rightsizing.usage.CloudTrailFileReader;
import io.accessloop.drift.rightsizing.usage.ReadStats;
import io.accessloop.drift.rightsizing.usage.UsageTally;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * CloudTrail processing for right-sizing, in events per second on one thread: drift-service's streaming reader
 * (gunzip, stream-parse, map each event to IAM actions through the catalog, fold into daily usage rows) against
 * the baseline of Jackson databind merely reading the same gzip file into a tree. Target (DESIGN §8): ≥ 200,000
 * events/s per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CloudTrailProcessingBenchmark {

    static final int EVENTS = 20_000;

    private final ObjectMapper mapper = new ObjectMapper();
    private final CloudTrailFileReader reader = new CloudTrailFileReader();
    private byte[] file;

    @Setup
    public void setUp() {
        file = TrailLogs.gzipFile(EVENTS, 200, 42);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public JsonNode baselineJacksonDatabindTree() throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(file), 64 * 1024)) {
            return mapper.readTree(in);
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int streamMapAndFold() {
        ReadStats stats = new ReadStats();
        UsageTally tally = new UsageTally();
        CallMapper calls = new CallMapper();
        reader.read(new ByteArrayInputStream(file), stats, record -> calls.map(record, stats, tally));
        if (stats.mappedRecords() != EVENTS) {
            throw new IllegalStateException("not every event was mapped: " + stats);
        }
        return tally.size();
    }
}

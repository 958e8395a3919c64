package io.accessloop.bench.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.PolicyParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Full IAM parsing and validation of a 30-statement policy (plain and URL-encoded, as AWS Config returns it)
 * against the baseline of Jackson merely reading the same JSON into a tree.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PolicyParsingBenchmark {

    private final ObjectMapper mapper = new ObjectMapper();
    private String json;
    private String urlEncoded;

    @Setup
    public void setUp() {
        json = RolePolicies.json(30);
        urlEncoded = URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    @Benchmark
    public JsonNode baselineJacksonTree() throws Exception {
        return mapper.readTree(json);
    }

    @Benchmark
    public PolicyDocument parseAndValidate() {
        return PolicyParser.parse(json);
    }

    @Benchmark
    public PolicyDocument parseUrlEncoded() {
        return PolicyParser.parse(urlEncoded);
    }
}

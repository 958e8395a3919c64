package io.accessloop.lifecycle.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.accessloop.lifecycle.audit.domain.CanonicalJson;
import io.accessloop.lifecycle.audit.domain.ChainVerifier;
import io.accessloop.lifecycle.audit.domain.LedgerEntry;
import io.accessloop.lifecycle.audit.domain.LedgerRecord;
import io.accessloop.lifecycle.audit.service.AuditLedger;
import io.accessloop.lifecycle.support.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/audit/export} streams the ledger page by page in chain order. */
@QuarkusTest
class AuditExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ENTRIES = 3000;

    @Inject
    AuditLedger ledger;

    @Test
    void thousandsOfEntriesAreStreamedInChainOrderAndTheExportedChainVerifies() throws Throwable {
        String kind = "test.export." + System.nanoTime();
        for (int batch = 0; batch < ENTRIES / 1000; batch++) {
            int first = batch * 1000;
            List<LedgerRecord> records = IntStream.range(first, first + 1000).mapToObj(n -> new LedgerRecord(kind,
                    "/test", "item-" + n, "export@example.com", null, null, null, Instant.now(),
                    JsonNodeFactory.instance.objectNode().put("n", n).put("text", "line \"" + n + "\"\nnext")))
                    .toList();
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> ledger.appendAll(records)));
        }

        Response filtered = given().header("Authorization", Roles.auditor()).queryParam("kind", kind)
                .get("/api/v1/audit/export");
        assertThat(filtered.statusCode()).isEqualTo(200);
        assertThat(filtered.contentType()).startsWith("application/x-ndjson");
        assertThat(filtered.header("Content-Length")).as("streamed, not sized up front").isNull();
        assertThat(filtered.header("Transfer-Encoding")).isEqualTo("chunked");
        List<JsonNode> mine = lines(filtered.asString());
        assertThat(mine).hasSize(ENTRIES);
        assertThat(mine).extracting(line -> line.get("subject").asText())
                .containsExactlyElementsOf(IntStream.range(0, ENTRIES).mapToObj(n -> "item-" + n).toList());
        assertThat(mine.get(7).get("data").get("text").asText()).isEqualTo("line \"7\"\nnext");

        List<JsonNode> all = lines(given().header("Authorization", Roles.auditor()).get("/api/v1/audit/export")
                .then().statusCode(200).extract().asString());
        assertThat(all.size()).isGreaterThanOrEqualTo(ENTRIES);
        ChainVerifier verifier = new ChainVerifier();
        for (JsonNode line : all) {
            assertThat(verifier.accept(entry(line))).as("link %s", line.get("seq")).isEmpty();
        }
        JsonNode last = all.get(all.size() - 1);
        assertThat(verifier.finish(last.get("seq").asLong(), last.get("hash").asText())).isEmpty();
        assertThat(verifier.checked()).isEqualTo(all.size());

        String csv = given().header("Authorization", Roles.auditor()).queryParam("kind", kind)
                .queryParam("format", "csv").get("/api/v1/audit/export").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertThat(csv).startsWith("seq,id,recordedAt").endsWith("\r\n");
        assertThat(csv.split("\r\n")).hasSize(ENTRIES + 1);
    }

    private static List<JsonNode> lines(String body) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    /** A ledger entry back from its exported line: the chain must verify from the export alone. */
    private static LedgerEntry entry(JsonNode line) {
        return new LedgerEntry(line.get("seq").asLong(), line.get("id").asText(),
                Instant.parse(line.get("recordedAt").asText()), Instant.parse(line.get("occurredAt").asText()),
                text(line, "kind"), text(line, "source"), text(line, "subject"), text(line, "identity"),
                text(line, "grantId"), text(line, "principalArn"), text(line, "eventId"),
                CanonicalJson.write(line.get("data")), text(line, "prevHash"), text(line, "hash"));
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

package io.accessloop.drift.findings.service;

import io.accessloop.drift.findings.domain.Severity;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class OpenFindingsGaugesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    OpenFindingsGauges gauges;

    @Inject
    Pool db;

    @Test
    void countsOpenFindingsPerSeverityAndLeavesSuppressedOnesOut() throws Throwable {
        insert("critical", 4, "OPEN");
        insert("critical", 4, "OPEN");
        insert("critical", 4, "SUPPRESSED");
        insert("low", 1, "RESOLVED");

        VertxContextSupport.subscribeAndAwait(() -> gauges.refresh());

        assertThat(gauges.open(Severity.CRITICAL)).isEqualTo(count("critical")).isGreaterThanOrEqualTo(2);
        assertThat(gauges.open(Severity.LOW)).isEqualTo(count("low"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("accessloop_findings_open{severity=\"critical\"} "
                        + (double) count("critical")));
    }

    private long count(String severity) {
        Row row = db.preparedQuery("select count(*) from finding where status = 'OPEN' and severity = $1")
                .execute(Tuple.of(severity)).await().atMost(PATIENCE).iterator().next();
        return row.getLong(0);
    }

    private void insert(String severity, int rank, String status) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.preparedQuery("insert into finding (id, account_id, principal_arn, resource_type, rule, dedup_key, severity, "
                        + "severity_rank, status, summary, evidence, opened_at, last_seen_at) "
                        + "values ($1, '000000000000', 'arn:aws:iam::000000000000:role/gauge-probe', 'AWS::IAM::Role', "
                        + "'gauge-probe', $2, $3, $4, $5, 'probe', '{}', $6, $6)")
                .execute(Tuple.tuple().addString("fnd_" + UUID.randomUUID()).addString(UUID.randomUUID().toString())
                        .addString(severity).addInteger(rank).addString(status).addOffsetDateTime(now))
                .await().atMost(PATIENCE);
    }
}

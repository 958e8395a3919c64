package io.accessloop.drift.findings.rest;

import io.accessloop.drift.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The findings list against an order worked out here from the rows themselves: every filter, every sort (with ties
 * on the sort key broken by id), every page walked by its cursor, and what each cursor holds.
 */
@QuarkusTest
class FindingListingTest {

    private static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");
    private static final List<String> STATUSES = List.of("OPEN", "SUPPRESSED", "RESOLVED");
    private static final List<String> TYPES = List.of("USER", "ROLE", "POLICY");
    private static final int ROWS = 23;

    @Inject
    Pool db;

    private final String account = String.valueOf(100_000_000_000L + ThreadLocalRandom.current().nextLong(899_999_999_999L));
    private final List<Row> rows = new ArrayList<>();

    /** One stored finding, as the test inserted it. */
    private record Row(String id, String principalArn, String resourceType, String rule, String severity, int rank,
                       String status, Instant openedAt, Instant lastSeenAt) {
    }

    @BeforeEach
    void insertFindings() {
        // opened_at repeats every three rows (ties broken by id) and carries microseconds, as PostgreSQL keeps them
        Instant base = Instant.parse("2026-11-20T08:00:00.123456Z");
        for (int i = 0; i < ROWS; i++) {
            String severity = SEVERITIES.get(i % 4);
            Row row = new Row(String.format(Locale.ROOT, "fnd_listing_%s_%02d", account, (i * 7) % ROWS),
                    "arn:aws:iam::" + account + ":role/r" + (i % 3), TYPES.get(i % 3), i % 2 == 0 ? "rule-even" : "rule-odd",
                    severity, SEVERITIES.indexOf(severity) + 1, STATUSES.get(i % 3),
                    base.plusSeconds(i / 3).plusNanos((i % 5) * 1_000L * (i / 3 % 2)),
                    base.plusSeconds(3_600 - (i * 37L % 11) * 60).plusNanos(i * 1_000L));
            rows.add(row);
            db.preparedQuery("insert into finding (id, account_id, principal_arn, resource_type, rule, dedup_key, "
                            + "severity, severity_rank, status, summary, evidence, opened_at, last_seen_at) "
                            + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'listing test', '{\"n\":1}', $10, $11)")
                    .execute(Tuple.from(List.<Object>of(row.id(), account, row.principalArn(), row.resourceType(), row.rule(),
                            row.id(), row.severity(), row.rank(), row.status(), utc(row.openedAt()), utc(row.lastSeenAt()))))
                    .await().atMost(Duration.ofSeconds(5));
        }
    }

    @AfterEach
    void removeFindings() {
        db.preparedQuery("delete from finding where account_id = $1").execute(Tuple.of(account))
                .await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void everyFilterSortAndPageSizeListsTheRowsInOrderWithoutGapsOrRepeats() {
        Map<String, Predicate<Row>> filters = Map.of(
                "", r -> true,
                "&status=OPEN,SUPPRESSED", r -> !r.status().equals("RESOLVED"),
                "&status=resolved&status=OPEN", r -> !r.status().equals("SUPPRESSED"),
                "&rule=rule-odd", r -> r.rule().equals("rule-odd"),
                "&severity=HIGH", r -> r.severity().equals("high"),
                "&resourceType=role", r -> r.resourceType().equals("ROLE"),
                "&principalArn=arn:aws:iam::" + account + ":role/r1&status=OPEN",
                r -> r.principalArn().endsWith(":role/r1") && r.status().equals("OPEN"));
        Map<String, Function<Row, Comparable<?>>> keys = Map.of(
                "openedAt", Row::openedAt, "lastSeenAt", Row::lastSeenAt, "severity", Row::rank);
        for (var filter : filters.entrySet()) {
            for (var key : keys.entrySet()) {
                for (boolean descending : List.of(false, true)) {
                    String sort = (descending ? "-" : "") + key.getKey();
                    List<String> expected = expected(filter.getValue(), key.getValue(), descending);
                    for (int limit : List.of(1, 4, 200)) {
                        String query = "accountId=" + account + filter.getKey() + "&sort=" + sort + "&limit=" + limit;
                        assertThat(walk(query, sort, key.getKey(), limit)).as(query).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void theDefaultOrderIsNewestOpenedFirst() {
        List<String> expected = expected(r -> true, Row::openedAt, true);
        JsonPath page = Api.get(Api.auditor(), "/api/v1/findings?accountId=" + account).statusCode(200)
                .extract().jsonPath();
        assertThat(page.getList("items.id", String.class)).isEqualTo(expected);
        assertThat(page.getString("nextCursor")).isNull();
        assertThat(page.getString("items[0].evidence.n")).isEqualTo("1");
    }

    @Test
    void badFiltersAndForeignCursorsAreRefusedAndChangeNothing() {
        String before = snapshot();
        String openedCursor = Api.get(Api.auditor(), "/api/v1/findings?accountId=" + account + "&limit=2&sort=openedAt")
                .statusCode(200).extract().path("nextCursor");
        List<String> bad = List.of("sort=lastSeenAt&cursor=" + openedCursor, "sort=-openedAt&cursor=" + openedCursor,
                "cursor=" + cursor("findings:-openedAt", "not-a-time", "fnd_x"),
                "sort=severity&cursor=" + cursor("findings:severity", "high", "fnd_x"),
                "cursor=" + cursor("findings:-openedAt", "2026-11-20T08:00:00Z"),
                "cursor=" + cursor("findings:-openedAt", "2026-11-20T08:00:00Z", "fnd_x", "extra"),
                "status=OPEN;drop table finding", "severity=high'--", "resourceType=ROLE%27--", "limit=-1",
                "limit=201", "sort=openedAt,id");
        for (String query : bad) {
            assertThat(Api.get(Api.auditor(), "/api/v1/findings?accountId=" + account + "&" + query).extract()
                    .statusCode()).as(query).isEqualTo(400);
        }
        // text filters are values, never SQL: a quote in one matches nothing and breaks nothing
        assertThat(Api.get(Api.auditor(), "/api/v1/findings?accountId=" + account + "&rule=rule-odd'--")
                .statusCode(200).extract().jsonPath().getList("items")).isEmpty();
        assertThat(snapshot()).isEqualTo(before);
    }

    /** Every page of the query, following nextCursor; checks what each cursor holds on the way. */
    private List<String> walk(String query, String sort, String key, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page <= ROWS; page++) {
            JsonPath answer = Api.get(Api.auditor(), "/api/v1/findings?" + query
                    + (cursor == null ? "" : "&cursor=" + cursor)).statusCode(200).extract().jsonPath();
            List<String> items = answer.getList("items.id", String.class);
            assertThat(items.size()).as(query).isLessThanOrEqualTo(limit);
            ids.addAll(items);
            cursor = answer.getString("nextCursor");
            if (cursor == null) {
                return ids;
            }
            assertThat(items).as(query).hasSize(limit);
            String last = items.get(items.size() - 1);
            Row row = rows.stream().filter(r -> r.id().equals(last)).findFirst().orElseThrow();
            String sortKey = switch (key) {
                case "severity" -> String.valueOf(row.rank());
                case "lastSeenAt" -> row.lastSeenAt().toString();
                default -> row.openedAt().toString();
            };
            assertThat(new JsonArray(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)))
                    .as(query).isEqualTo(new JsonArray(List.of("findings:" + sort, sortKey, last)));
        }
        throw new AssertionError("more pages than rows for " + query);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<String> expected(Predicate<Row> filter, Function<Row, Comparable<?>> key, boolean descending) {
        Comparator<Row> order = Comparator.comparing(r -> (Comparable) key.apply(r));
        order = order.thenComparing(Row::id);
        return rows.stream().filter(filter).sorted(descending ? order.reversed() : order).map(Row::id).toList();
    }

    private String snapshot() {
        return db.preparedQuery("select coalesce(string_agg(id || status || last_seen_at::text, ',' order by id), '') "
                        + "from finding where account_id = $1").execute(Tuple.of(account))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getString(0);
    }

    private static String cursor(String... parts) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(new JsonArray(List.of((Object[]) parts)).encode()
                .getBytes(StandardCharsets.UTF_8));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

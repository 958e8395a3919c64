package io.accessloop.broker.grant;

import io.accessloop.broker.Db;
import io.accessloop.broker.KeysetPages;
import io.accessloop.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grants list against an order worked out here from rows the test stored: every filter (own grants, the
 * entitlements an approver decides, everyone's, each status, break-glass grants awaiting review) and page size walked
 * through every cursor, the JSON of every item, and bad filters refused without a change.
 *
 * <p>The rows' ids start with {@code grt_ZZZZ}, above every id the broker issues or other tests store, so in the lists
 * that also hold other tests' grants they come first.
 */
@QuarkusTest
class GrantListingTest {

    private static final String[] ENTITLEMENTS = {"prod-readonly", "prod-admin", "prod-oncall", "dev-sandbox"};
    private static final String[] STATUSES = {"ACTIVE", "RELEASED", "EXPIRED", "REVOKED"};
    private static final Instant FAR = Instant.parse("2099-01-01T00:00:00Z");
    private static final int ROWS = 19;

    private final String run = String.format(Locale.ROOT, "%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    private final String ann = "glisting-ann-" + run + "@example.com";
    private final String ben = "glisting-ben-" + run + "@example.com";
    private final String lead = "glisting-lead-" + run + "@example.com";
    private final List<Row> rows = new ArrayList<>();

    /** One stored grant, as the test inserted it. */
    private record Row(int index, String id, String identity, String entitlement, String status, boolean breakGlass,
                       Instant startsAt, Instant endsAt, Instant endedAt, Instant reviewedAt) {
        boolean reviewPending() {
            return breakGlass && reviewedAt == null;
        }
    }

    @BeforeEach
    void insertGrants() {
        Instant base = Instant.parse("2026-11-20T08:00:00.123456Z");
        String[] identities = {ann, ben, lead};
        for (int i = 0; i < ROWS; i++) {
            String id = String.format(Locale.ROOT, "grt_ZZZZ%s%02d", run, (i * 7) % ROWS);
            String entitlement = ENTITLEMENTS[i % 4];
            String status = STATUSES[i % 4 == 0 ? 0 : i % 3 == 0 ? 0 : i % 4];
            boolean ended = !status.equals("ACTIVE");
            boolean breakGlass = i % 3 != 1;
            Instant startsAt = base.plusSeconds(i * 11L).plusNanos(i * 1_000L);
            Row row = new Row(i, id, identities[i % 3], entitlement, status, breakGlass, startsAt,
                    ended ? startsAt.plusSeconds(3_600) : FAR.plusSeconds(i), ended ? startsAt.plusSeconds(60 + i) : null,
                    breakGlass && i % 2 == 0 ? base.plusSeconds(5_000 + i) : null);
            rows.add(row);
            Db.update("insert into access_grant (id, request_id, identity, entitlement, account_id, role_arn, "
                            + "session_policy, starts_at, ends_at, break_glass, status, ended_at, ended_by, end_reason, "
                            + "revocation_verified, reviewed_at, reviewed_by, review_comment) "
                            + "values (?, ?, ?, ?, '000000000000', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, "req_ZZZZ" + run + i, row.identity(), entitlement, "arn:aws:iam::000000000000:role/" + entitlement,
                    i % 5 == 0 ? "{\"Version\":\"2012-10-17\"}" : null, Timestamp.from(startsAt),
                    Timestamp.from(row.endsAt()), breakGlass, status,
                    ended ? Timestamp.from(row.endedAt()) : null, ended ? "ender-" + i + "@example.com" : null,
                    ended && i % 2 == 1 ? "ended " + i : null, status.equals("REVOKED") ? (Object) (i % 2 == 0) : null,
                    row.reviewedAt() == null ? null : Timestamp.from(row.reviewedAt()),
                    row.reviewedAt() == null ? null : "reviewer-" + i + "@example.com",
                    row.reviewedAt() == null || i % 4 == 2 ? null : "reviewed " + i);
        }
    }

    @AfterEach
    void removeGrants() {
        Db.update("delete from access_grant where id like ?", "grt_ZZZZ" + run + "%");
    }

    @Test
    void everyFilterAndPageSizeListsTheRowsInIdOrderWithoutGapsOrRepeats() {
        Map<String, Caller> callers = new LinkedHashMap<>();
        callers.put("ann, own", new Caller(ann, "mine=true", r -> r.identity().equals(ann), true, "employee", "payments"));
        callers.put("ben, own (default)", new Caller(ben, "", r -> r.identity().equals(ben), true, "employee"));
        callers.put("payments lead, to decide", new Caller(lead, "mine=false",
                r -> r.entitlement().equals("prod-readonly"), false, "employee", "approver", "payments-leads"));
        callers.put("platform lead, to decide", new Caller(lead, "mine=false",
                r -> !r.entitlement().equals("prod-readonly"), false, "employee", "approver", "platform-leads"));
        callers.put("security lead, to decide", new Caller(lead, "mine=false",
                r -> r.entitlement().equals("prod-admin"), false, "employee", "security-leads"));
        callers.put("lead, own", new Caller(lead, "mine=true", r -> r.identity().equals(lead), true,
                "employee", "approver", "payments-leads", "platform-leads"));
        callers.put("security, everyone", new Caller("sec-" + run + "@example.com", "mine=false", r -> true, false,
                "employee", "security"));
        callers.put("auditor, everyone", new Caller("aud-" + run + "@example.com", "mine=false", r -> true, false,
                "employee", "auditor"));
        callers.put("admin, own only", new Caller("adm-" + run + "@example.com", "mine=true", r -> false, true,
                "employee", "admin"));
        callers.put("nobody's approver", new Caller("nobody-" + run + "@example.com", "mine=false", r -> false, true,
                "employee", "marketing"));
        List<String> statuses = new ArrayList<>(List.of(""));
        statuses.addAll(Arrays.asList(STATUSES));
        statuses.add("revoked");
        Map<String, Predicate<Row>> reviews = Map.of("", r -> true, "&reviewPending=true", Row::reviewPending,
                "&reviewPending=false", r -> true);
        for (var caller : callers.entrySet()) {
            for (String status : statuses) {
                for (var review : reviews.entrySet()) {
                    Predicate<Row> filter = caller.getValue().filter().and(review.getValue())
                            .and(r -> status.isEmpty() || r.status().equalsIgnoreCase(status));
                    List<String> expected = rows.stream().filter(filter).map(Row::id)
                            .sorted(Comparator.reverseOrder()).toList();
                    for (Integer limit : Arrays.asList(1, 4, 500, null)) {
                        String query = caller.getValue().query() + (status.isEmpty() ? "" : "&status=" + status)
                                + review.getKey() + (limit == null ? "" : "&limit=" + limit);
                        assertThat(walk(caller.getValue(), query, limit == null ? 50 : limit, expected.size()))
                                .as(caller.getKey() + ": " + query).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void everyItemCarriesTheStoredGrant() {
        Caller security = new Caller("sec-" + run + "@example.com", "", r -> true, false, "employee", "security");
        String body = security.spec().get("/api/v1/grants?mine=false&limit=" + ROWS).then().statusCode(200)
                .extract().asString();
        JsonArray items = new JsonObject(body).getJsonArray("items");
        List<Row> ordered = rows.stream().sorted(Comparator.comparing(Row::id).reversed()).toList();
        assertThat(items.size()).isEqualTo(ROWS);
        for (int i = 0; i < ROWS; i++) {
            JsonObject item = items.getJsonObject(i);
            Row row = ordered.get(i);
            // the time left depends on when the page was made: positive exactly for the active ones
            long remaining = item.getLong("remainingSeconds");
            assertThat(remaining > 0).as(row.id()).isEqualTo(row.status().equals("ACTIVE"));
            item.remove("remainingSeconds");
            assertThat(item).as(row.id()).isEqualTo(json(row));
        }
    }

    @Test
    void badFiltersAreRefusedAndCursorsAreOnlyBoundsAndNothingChanges() {
        String before = snapshot();
        Caller security = new Caller("sec-" + run + "@example.com", "", r -> true, false, "employee", "security");
        for (String query : List.of("status=bogus", "status=ACTIVE'--", "status=PENDING", "limit=0", "limit=501",
                "limit=-1")) {
            assertThat(security.spec().get("/api/v1/grants?mine=false&" + query).then().extract().statusCode())
                    .as(query).isEqualTo(400);
        }
        List<String> all = rows.stream().map(Row::id).sorted(Comparator.reverseOrder()).toList();
        assertThat(page(security, "mine=false&limit=3&cursor=" + all.get(7)).getList("items.id", String.class))
                .isEqualTo(all.subList(8, 11));
        String shorter = String.format(Locale.ROOT, "grt_ZZZZ%s%02d", run, 5);
        int at = all.indexOf(shorter);
        assertThat(page(security, "mine=false&limit=2&cursor=" + shorter + "0").getList("items.id", String.class))
                .isEqualTo(all.subList(at, at + 2));
        Caller ann = new Caller(this.ann, "", r -> true, true, "employee");
        String bensFirst = rows.stream().filter(r -> r.identity().equals(ben)).map(Row::id)
                .max(Comparator.naturalOrder()).orElseThrow();
        assertThat(page(ann, "cursor=" + bensFirst).getList("items.identity", String.class))
                .isNotEmpty().containsOnly(this.ann);
        for (String cursor : List.of("' or 1=1 --", "req_ZZZZ", "%00")) {
            assertThat(security.spec().get("/api/v1/grants?mine=false&cursor=" + cursor).then().extract()
                    .statusCode()).as(cursor).isEqualTo(200);
        }
        assertThat(page(ann, "cursor=grt_0").getList("items")).isEmpty();
        assertThat(snapshot()).isEqualTo(before);
    }

    /** A person, the query naming their list, and which of the stored rows it should hold. */
    private record Caller(String email, String query, Predicate<Row> filter, boolean onlyStoredRows,
                          String... groups) {
        RequestSpecification spec() {
            return given().header("Authorization", Tokens.bearer(email, groups));
        }
    }

    private JsonPath page(Caller caller, String query) {
        String q = query.startsWith("&") ? query.substring(1) : query;
        return caller.spec().get("/api/v1/grants" + (q.isEmpty() ? "" : "?" + q)).then().statusCode(200)
                .extract().jsonPath();
    }

    private List<String> walk(Caller caller, String query, int limit, int wanted) {
        return KeysetPages.walk(q -> page(caller, q), query, limit, wanted, caller.onlyStoredRows(),
                rows.stream().map(Row::id).toList());
    }

    private JsonObject json(Row r) {
        int i = r.index();
        boolean ended = !r.status().equals("ACTIVE");
        JsonObject review = !r.breakGlass() ? null : new JsonObject().put("pending", r.reviewPending())
                .put("reviewedBy", r.reviewedAt() == null ? null : "reviewer-" + i + "@example.com")
                .put("reviewedAt", r.reviewedAt() == null ? null : r.reviewedAt().toString())
                .put("comment", r.reviewedAt() == null || i % 4 == 2 ? null : "reviewed " + i);
        return new JsonObject()
                .put("id", r.id()).put("requestId", "req_ZZZZ" + run + i).put("identity", r.identity())
                .put("entitlement", r.entitlement()).put("accountId", "000000000000")
                .put("roleArn", "arn:aws:iam::000000000000:role/" + r.entitlement()).put("status", r.status())
                .put("startsAt", r.startsAt().toString()).put("endsAt", r.endsAt().toString())
                .put("breakGlass", r.breakGlass())
                .put("endedAt", ended ? r.endedAt().toString() : null)
                .put("endedBy", ended ? "ender-" + i + "@example.com" : null)
                .put("endReason", ended && i % 2 == 1 ? "ended " + i : null)
                .put("revocationVerified", r.status().equals("REVOKED") ? (Boolean) (i % 2 == 0) : null)
                .put("review", review);
    }

    private String snapshot() {
        return String.join(",", Db.strings("select id || status || coalesce(ended_by, '') || "
                + "coalesce(reviewed_by, '') from access_grant order by id"));
    }
}

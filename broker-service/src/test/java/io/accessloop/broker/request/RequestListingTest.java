package io.accessloop.broker.request;

import io.accessloop.broker.Db;
import io.accessloop.broker.KeysetPages;
import io.accessloop.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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
 * The requests list against an order worked out here from rows the test stored: every filter (own requests, the
 * entitlements an approver decides, everyone's, each status) and page size walked through every cursor, the JSON of
 * every item (approvals in the order they were given), and bad filters refused without a change.
 *
 * <p>The rows' ids start with {@code req_ZZZZ}, above every id the broker issues (ULIDs of today) or other tests
 * store, so in the lists that also hold other tests' requests (approvers', security's) they come first.
 */
@QuarkusTest
class RequestListingTest {

    private static final String[] ENTITLEMENTS = {"prod-readonly", "prod-admin", "prod-oncall", "dev-sandbox"};
    private static final Map<String, String> APPROVERS = Map.of("prod-readonly", "payments-leads",
            "prod-admin", "platform-leads,security-leads", "prod-oncall", "platform-leads",
            "dev-sandbox", "platform-leads");
    private static final String[] STATUSES = {"PENDING", "APPROVED", "DENIED", "CANCELLED", "EXPIRED"};
    private static final int ROWS = 19;

    private final String run = String.format(Locale.ROOT, "%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    private final String ann = "listing-ann-" + run + "@example.com";
    private final String ben = "listing-ben-" + run + "@example.com";
    private final String lead = "listing-lead-" + run + "@example.com";
    private final List<Row> rows = new ArrayList<>();

    /** One stored request, as the test inserted it. */
    private record Row(String id, String requester, String entitlement, String status, boolean breakGlass,
                       String ticket, Instant createdAt, Instant decidedAt, List<Approval> approvals) {
    }

    private record Approval(String approver, String comment, Instant at) {
    }

    @BeforeEach
    void insertRequests() {
        Instant base = Instant.parse("2026-11-20T08:00:00.123456Z");
        String[] requesters = {ann, ben, lead};
        for (int i = 0; i < ROWS; i++) {
            // ids are not inserted in id order; the list orders by id, newest (highest) first
            String id = String.format(Locale.ROOT, "req_ZZZZ%s%02d", run, (i * 7) % ROWS);
            String entitlement = ENTITLEMENTS[i % 4];
            String status = STATUSES[i % 5];
            boolean decided = !status.equals("PENDING");
            List<Approval> approvals = new ArrayList<>();
            if (i % 3 == 1) {
                // given in the opposite order of the approvers' names, one without a comment
                approvals.add(new Approval("zed-" + run + "@example.com", "looks fine " + i,
                        base.plusSeconds(60 + i).plusNanos(5_000)));
                approvals.add(new Approval("amy-" + run + "@example.com", null, base.plusSeconds(120 + i)));
            }
            Row row = new Row(id, requesters[i % 3], entitlement, status, i % 4 == 3, i % 2 == 0 ? "TCK-" + i : null,
                    base.plusSeconds(i * 13L).plusNanos(i * 1_000L), decided ? base.plusSeconds(900 + i) : null,
                    approvals);
            rows.add(row);
            Db.update("insert into access_request (id, requester, entitlement, account_id, role_arn, reason, ticket, "
                            + "duration_seconds, break_glass, extends_grant_id, status, rule_automatic, "
                            + "required_approvals, approver_groups, rule_explanation, created_at, expires_at, decided_at, "
                            + "decided_by, decision_comment, grant_id) values (?, ?, ?, '000000000000', ?, ?, ?, ?, ?, ?, "
                            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, row.requester(), entitlement, "arn:aws:iam::000000000000:role/" + entitlement,
                    "reason " + i, row.ticket(), 1800L + i, row.breakGlass(),
                    i % 5 == 1 ? "grt_ZZZZ" + run + i : null, status, i % 6 == 0, 1 + i % 2, APPROVERS.get(entitlement),
                    "explained " + i, Timestamp.from(row.createdAt()),
                    Timestamp.from(Instant.parse("2099-01-01T00:00:00Z").plusSeconds(i)),
                    decided ? Timestamp.from(row.decidedAt()) : null, decided ? "decider-" + i + "@example.com" : null,
                    decided && i % 2 == 1 ? "because " + i : null, status.equals("APPROVED") ? "grt_Y" + run + i : null);
            for (Approval a : approvals) {
                Db.update("insert into request_approval (request_id, approver, comment, approved_at) values (?, ?, ?, ?)",
                        id, a.approver(), a.comment(), Timestamp.from(a.at()));
            }
        }
    }

    @AfterEach
    void removeRequests() {
        Db.update("delete from request_approval where request_id like ?", "req_ZZZZ" + run + "%");
        Db.update("delete from access_request where id like ?", "req_ZZZZ" + run + "%");
    }

    @Test
    void everyFilterAndPageSizeListsTheRowsInIdOrderWithoutGapsOrRepeats() {
        Map<String, Caller> callers = new LinkedHashMap<>();
        callers.put("ann, own", new Caller(ann, "mine=true", r -> r.requester().equals(ann), true, "employee", "payments"));
        callers.put("ben, own (default)", new Caller(ben, "", r -> r.requester().equals(ben), true, "employee"));
        callers.put("payments lead, to decide", new Caller(lead, "mine=false",
                r -> r.entitlement().equals("prod-readonly"), false, "employee", "approver", "payments-leads"));
        callers.put("platform lead, to decide", new Caller(lead, "mine=false",
                r -> !r.entitlement().equals("prod-readonly"), false, "employee", "approver", "platform-leads"));
        callers.put("security lead, to decide", new Caller(lead, "mine=false",
                r -> r.entitlement().equals("prod-admin"), false, "employee", "security-leads"));
        callers.put("lead, own", new Caller(lead, "mine=true", r -> r.requester().equals(lead), true,
                "employee", "approver", "payments-leads", "platform-leads"));
        callers.put("security, everyone", new Caller("sec-" + run + "@example.com", "mine=false", r -> true, false,
                "employee", "security"));
        callers.put("auditor, everyone", new Caller("aud-" + run + "@example.com", "mine=false", r -> true, false,
                "employee", "auditor"));
        callers.put("admin, own only", new Caller("adm-" + run + "@example.com", "mine=true", r -> false, true,
                "employee", "admin"));
        for (var caller : callers.entrySet()) {
            List<String> statuses = new ArrayList<>(List.of(""));
            for (String s : STATUSES) {
                statuses.add(s);
            }
            statuses.add("approved");
            for (String status : statuses) {
                Predicate<Row> filter = status.isEmpty() ? caller.getValue().filter()
                        : caller.getValue().filter().and(r -> r.status().equalsIgnoreCase(status));
                List<String> expected = rows.stream().filter(filter).map(Row::id)
                        .sorted(Comparator.reverseOrder()).toList();
                for (Integer limit : java.util.Arrays.asList(1, 4, 500, null)) {
                    String query = caller.getValue().query() + (status.isEmpty() ? "" : "&status=" + status)
                            + (limit == null ? "" : "&limit=" + limit);
                    assertThat(walk(caller.getValue(), query, limit == null ? 50 : limit, expected.size()))
                            .as(caller.getKey() + ": " + query).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void anApproverOfNothingSeesNoRequestsToDecide() {
        assertThat(page(new Caller("nobody-" + run + "@example.com", "", r -> false, true, "employee", "marketing"),
                "mine=false").getList("items")).isEmpty();
    }

    @Test
    void everyItemCarriesTheStoredRequestWithItsApprovalsInTheOrderGiven() {
        Caller security = new Caller("sec-" + run + "@example.com", "", r -> true, false, "employee", "security");
        String body = security.spec().get("/api/v1/requests?mine=false&limit=" + ROWS).then().statusCode(200)
                .extract().asString();
        JsonArray items = new JsonObject(body).getJsonArray("items");
        List<Row> ordered = rows.stream().sorted(Comparator.comparing(Row::id).reversed()).toList();
        assertThat(items.size()).isEqualTo(ROWS);
        for (int i = 0; i < ROWS; i++) {
            assertThat(items.getJsonObject(i)).as(ordered.get(i).id()).isEqualTo(json(ordered.get(i)));
        }
    }

    @Test
    void badFiltersAreRefusedAndCursorsAreOnlyBoundsAndNothingChanges() {
        String before = snapshot();
        Caller security = new Caller("sec-" + run + "@example.com", "", r -> true, false, "employee", "security");
        for (String query : List.of("status=bogus", "status=PENDING'--", "limit=0", "limit=501", "limit=-1")) {
            assertThat(security.spec().get("/api/v1/requests?mine=false&" + query).then().extract().statusCode())
                    .as(query).isEqualTo(400);
        }
        // a cursor is the id of the last item: the next page holds the ids strictly below it, whatever it names
        List<String> all = rows.stream().map(Row::id).sorted(Comparator.reverseOrder()).toList();
        String middle = all.get(7);
        assertThat(page(security, "mine=false&limit=3&cursor=" + middle).getList("items.id", String.class))
                .isEqualTo(all.subList(8, 11));
        // an id that was never issued bounds the page all the same: the stored id it extends comes first
        String shorter = String.format(Locale.ROOT, "req_ZZZZ%s%02d", run, 5);
        int at = all.indexOf(shorter);
        assertThat(page(security, "mine=false&limit=2&cursor=" + shorter + "0").getList("items.id", String.class))
                .isEqualTo(all.subList(at, at + 2));
        // somebody else's request as a cursor shows nothing of theirs
        Caller ann = new Caller(this.ann, "", r -> true, true, "employee");
        String bensFirst = rows.stream().filter(r -> r.requester().equals(ben)).map(Row::id)
                .max(Comparator.naturalOrder()).orElseThrow();
        assertThat(page(ann, "cursor=" + bensFirst).getList("items.requester", String.class))
                .isNotEmpty().containsOnly(this.ann);
        for (String cursor : List.of("' or 1=1 --", "grt_ZZZZ", "%00")) {
            assertThat(security.spec().get("/api/v1/requests?mine=false&cursor=" + cursor).then().extract()
                    .statusCode()).as(cursor).isEqualTo(200);
        }
        assertThat(page(ann, "cursor=req_0").getList("items")).isEmpty();
        assertThat(snapshot()).isEqualTo(before);
    }

    /** A person, the query naming their list, and which of the stored rows it should hold. */
    private record Caller(String email, String query, Predicate<Row> filter, boolean onlyStoredRows,
                          String... groups) {
        io.restassured.specification.RequestSpecification spec() {
            return given().header("Authorization", Tokens.bearer(email, groups));
        }
    }

    private JsonPath page(Caller caller, String query) {
        String q = query.startsWith("&") ? query.substring(1) : query;
        return caller.spec().get("/api/v1/requests" + (q.isEmpty() ? "" : "?" + q)).then().statusCode(200).extract().jsonPath();
    }

    private List<String> walk(Caller caller, String query, int limit, int wanted) {
        return KeysetPages.walk(q -> page(caller, q), query, limit, wanted, caller.onlyStoredRows(),
                rows.stream().map(Row::id).toList());
    }

    private JsonObject json(Row r) {
        int index = rows.indexOf(r);
        JsonArray approvals = new JsonArray();
        r.approvals().stream().sorted(Comparator.comparing(Approval::at)).forEach(a -> approvals.add(new JsonObject()
                .put("approver", a.approver()).put("comment", a.comment()).put("at", a.at().toString())));
        boolean decided = r.decidedAt() != null;
        return new JsonObject()
                .put("id", r.id()).put("requester", r.requester()).put("entitlement", r.entitlement())
                .put("accountId", "000000000000").put("roleArn", "arn:aws:iam::000000000000:role/" + r.entitlement())
                .put("reason", "reason " + index).put("ticket", r.ticket()).put("durationSeconds", 1800 + index)
                .put("breakGlass", r.breakGlass()).put("extendsGrantId", index % 5 == 1 ? "grt_ZZZZ" + run + index : null)
                .put("status", r.status())
                .put("rule", new JsonObject().put("automatic", index % 6 == 0).put("requiredApprovals", 1 + index % 2)
                        .put("approverGroups", new JsonArray(List.of((Object[]) APPROVERS.get(r.entitlement()).split(","))))
                        .put("explanation", "explained " + index))
                .put("approvals", approvals)
                .put("createdAt", r.createdAt().toString())
                .put("expiresAt", Instant.parse("2099-01-01T00:00:00Z").plusSeconds(index).toString())
                .put("decidedAt", decided ? r.decidedAt().toString() : null)
                .put("decidedBy", decided ? "decider-" + index + "@example.com" : null)
                .put("decisionComment", decided && index % 2 == 1 ? "because " + index : null)
                .put("grantId", r.status().equals("APPROVED") ? "grt_Y" + run + index : null);
    }

    private String snapshot() {
        return String.join(",", Db.strings("select id || status || coalesce(decided_by, '') || "
                + "(select count(*) from request_approval a where a.request_id = r.id) from access_request r "
                + "order by id"));
    }
}

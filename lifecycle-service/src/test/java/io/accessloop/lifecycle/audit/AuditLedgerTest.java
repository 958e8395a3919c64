package io.accessloop.lifecycle.audit;

import io.accessloop.contracts.EventTypes;
import io.accessloop.lifecycle.support.Db;
import io.accessloop.lifecycle.support.Events;
import io.accessloop.lifecycle.support.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class AuditLedgerTest {

    private String grant;
    private String person;

    @BeforeEach
    void someEventsWereConsumed() {
        grant = Events.grantId();
        person = "p" + System.nanoTime() + "@example.com";
        Events.sendSample(EventTypes.GRANT_ACTIVATED, d -> d.put("grantId", grant).put("identity", person)
                .put("endsAt", Instant.now().plus(Duration.ofHours(1)).toString()));
        Events.sendSample(EventTypes.CREDENTIALS_ISSUED, d -> d.put("grantId", grant).put("identity", person));
        Events.sendSample(EventTypes.FINDING_OPENED, d -> d.put("summary", "finding for " + person));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Db.count("select count(*) from audit_entry where identity = ?", person) == 2
                        && Db.count("select count(*) from audit_entry where content like ?", "%finding for " + person + "%") == 1);
    }

    @Test
    void auditorsQueryTheLedgerByGrantAndPageThroughIt() {
        given().header("Authorization", Roles.auditor()).queryParam("grantId", grant)
                .when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].kind", equalTo(EventTypes.CREDENTIALS_ISSUED.type()))
                .body("items[0].identity", equalTo(person))
                .body("items[0].id", startsWith("evt_"))
                .body("items[0].data.accessKeyId", equalTo("ASIAEXAMPLE0000001"))
                .body("items[1].kind", equalTo(EventTypes.GRANT_ACTIVATED.type()))
                .body("nextCursor", equalTo(null));
        Map<String, Object> newest = given().header("Authorization", Roles.auditor()).queryParam("grantId", grant)
                .get("/api/v1/audit").then().extract().jsonPath().getMap("items[0]");
        long seq = ((Number) newest.get("seq")).longValue();
        assertThat(newest.get("prevHash"))
                .isEqualTo(Db.query("select hash from audit_entry where seq = ?", seq - 1).get(0).get("hash"));

        Response first = given().header("Authorization", Roles.security()).queryParam("identity", person)
                .queryParam("limit", 1).get("/api/v1/audit");
        first.then().statusCode(200).body("items", hasSize(1));
        String cursor = first.path("nextCursor");
        assertThat(cursor).isNotNull();
        given().header("Authorization", Roles.security()).queryParam("identity", person).queryParam("limit", 1)
                .queryParam("cursor", cursor).get("/api/v1/audit")
                .then().statusCode(200).body("items", hasSize(1))
                .body("items[0].kind", equalTo(EventTypes.GRANT_ACTIVATED.type()));
    }

    @Test
    void theLedgerIsClosedToEmployeesAndAnonymousCallers() {
        given().header("Authorization", Roles.employee(person)).get("/api/v1/audit")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Roles.employee(person)).get("/api/v1/audit/verify").then().statusCode(403);
        given().header("Authorization", Roles.employee(person)).get("/api/v1/audit/export").then().statusCode(403);
        given().get("/api/v1/audit").then().statusCode(401);
    }

    @Test
    void badQueryParametersAreRefusedWithTheReasons() {
        given().header("Authorization", Roles.auditor()).queryParam("limit", 0).queryParam("from", "yesterday")
                .get("/api/v1/audit")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:accessloop:problem:invalid-request"))
                .body("errors", hasSize(1));
        given().header("Authorization", Roles.auditor()).queryParam("from", "yesterday").get("/api/v1/audit")
                .then().statusCode(400).body("errors[0]", startsWith("from:"));
        given().header("Authorization", Roles.auditor()).queryParam("cursor", "abc").get("/api/v1/audit")
                .then().statusCode(400);
        given().header("Authorization", Roles.auditor()).queryParam("format", "xml").get("/api/v1/audit/export")
                .then().statusCode(400);
    }

    @Test
    void exportsJsonLinesAndCsvInChainOrder() {
        String jsonl = given().header("Authorization", Roles.auditor()).queryParam("identity", person)
                .get("/api/v1/audit/export").then().statusCode(200).contentType("application/x-ndjson")
                .extract().asString();
        List<String> lines = jsonl.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains(EventTypes.GRANT_ACTIVATED.type());
        assertThat(lines.get(1)).contains(EventTypes.CREDENTIALS_ISSUED.type());

        String csv = given().header("Authorization", Roles.auditor()).queryParam("identity", person)
                .queryParam("format", "csv").get("/api/v1/audit/export").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertThat(csv.lines().toList()).hasSize(3).first().asString().startsWith("seq,id,recordedAt");
    }

    @Test
    void theDatabaseRefusesUpdatesAndDeletesOfLedgerEntries() {
        assertThatThrownBy(() -> Db.update("update audit_entry set kind = 'x' where identity = ?", person))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> Db.update("delete from audit_entry where identity = ?", person))
                .hasStackTraceContaining("append-only");
        verifies(true);
    }

    @Test
    void verifyDetectsAnEditedEntry() {
        long seq = seqOfActivation();
        String original = (String) Db.query("select content from audit_entry where seq = ?", seq).get(0).get("content");
        verifies(true);

        Db.tamper("update audit_entry set content = replace(content, 'prod-readonly', 'prod-admin') where seq = " + seq);
        try {
            Map<String, Object> answer = verifies(false);
            assertThat(answer).containsEntry("brokenAt", (int) seq).containsEntry("reason", "CONTENT_CHANGED");
        } finally {
            Db.tamper("update audit_entry set content = '" + original.replace("'", "''") + "' where seq = " + seq);
        }
        verifies(true);
    }

    @Test
    void verifyDetectsARemovedEntry() {
        long seq = seqOfActivation();
        Db.tamper("create temp table saved as select * from audit_entry where seq = " + seq,
                "delete from audit_entry where seq = " + seq,
                "create table if not exists audit_saved_for_test as select * from saved");
        try {
            Map<String, Object> answer = verifies(false);
            assertThat(answer).containsEntry("brokenAt", (int) seq).containsEntry("reason", "SEQUENCE_GAP");
        } finally {
            Db.tamper("insert into audit_entry select * from audit_saved_for_test", "drop table audit_saved_for_test");
        }
        verifies(true);
    }

    @Test
    void verifyDetectsReorderedEntries() {
        long seq = seqOfActivation();
        swap(seq, seq + 1);
        try {
            Map<String, Object> answer = verifies(false);
            assertThat(answer).containsEntry("brokenAt", (int) seq).containsEntry("reason", "CHAIN_BROKEN");
        } finally {
            swap(seq, seq + 1);
        }
        verifies(true);
    }

    @Test
    void verifyDetectsARemovedNewestEntry() {
        long head = ((Number) Db.query("select seq from audit_head").get(0).get("seq")).longValue();
        Db.tamper("create table audit_tail_for_test as select * from audit_entry where seq = " + head,
                "delete from audit_entry where seq = " + head);
        try {
            Map<String, Object> answer = verifies(false);
            assertThat(answer).containsEntry("reason", "TAIL_REMOVED");
        } finally {
            Db.tamper("insert into audit_entry select * from audit_tail_for_test", "drop table audit_tail_for_test");
        }
        verifies(true);
    }

    private void swap(long a, long b) {
        Db.tamper("update audit_entry set seq = -1 where seq = " + a,
                "update audit_entry set seq = " + a + " where seq = " + b,
                "update audit_entry set seq = " + b + " where seq = -1");
    }

    private long seqOfActivation() {
        return ((Number) Db.query("select seq from audit_entry where grant_id = ? and kind = ?", grant,
                EventTypes.GRANT_ACTIVATED.type()).get(0).get("seq")).longValue();
    }

    private static Map<String, Object> verifies(boolean valid) {
        return given().header("Authorization", Roles.auditor()).get("/api/v1/audit/verify")
                .then().statusCode(200).body("valid", equalTo(valid)).extract().jsonPath().getMap("");
    }
}

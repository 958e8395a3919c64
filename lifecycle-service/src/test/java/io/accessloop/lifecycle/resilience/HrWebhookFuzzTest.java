package io.accessloop.lifecycle.resilience;

import io.accessloop.lifecycle.support.Db;
import io.accessloop.lifecycle.support.Hr;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Property-based fuzzing of {@code POST /hr/events} with correctly signed random bodies: whatever arrives, the
 * answer is never a 5xx, and a refused body leaves the database exactly as it was.
 */
@QuarkusTest
class HrWebhookFuzzTest {

    private static final List<Integer> REFUSALS = List.of(400, 409, 413, 415, 422);
    private static final String STATE = "select (select count(*) from hr_event) + (select count(*) from audit_entry)"
            + " + (select count(*) from offboarding_case) + (select count(*) from outbox_event)"
            + " + (select count(*) from identity)";

    private static Gen<String> anyText() {
        return strings().allPossible().ofLengthBetween(0, 300);
    }

    private static Gen<String> jsonFragments() {
        return arbitrary().pick(List.of("{", "}", "[", "]", ",", ":", "\"", "null", "true", "1e999", "-0", "\"id\"",
                "\"type\"", "\"employee\"", "\"email\"", "\"occurredAt\"", "\"employee.terminated\"", "\\u0000", "\\ud800",
                "\"a@b.c\"", "{\"$ref\":\"#\"}", "\u202E", "\u200B"));
    }

    private static Gen<String> fragmentSoup() {
        return lists().of(jsonFragments()).ofSizeBetween(1, 40).map(parts -> String.join("", parts));
    }

    /** A well-formed event whose fields are replaced by random text. */
    private static Gen<String> eventWithRandomFields() {
        Gen<String> types = arbitrary().pick(List.of("employee.terminated", "employee.leave_started",
                "employee.leave_returned", "employee.transferred", "employee.hired", ""));
        return anyText().zip(types, anyText(), anyText(), (id, type, email, when) ->
                "{\"id\":" + quote(id) + ",\"type\":" + quote(type) + ",\"occurredAt\":" + quote(when)
                        + ",\"employee\":{\"email\":" + quote(email) + ",\"employeeId\":\"E-1\"}}");
    }

    @Test
    void signedRandomTextIsNeverAServerError() {
        qt().withExamples(150).forAll(anyText()).checkAssert(HrWebhookFuzzTest::postAndCheck);
    }

    @Test
    void signedJsonFragmentSoupIsNeverAServerError() {
        qt().withExamples(150).forAll(fragmentSoup()).checkAssert(HrWebhookFuzzTest::postAndCheck);
    }

    @Test
    void signedEventsWithRandomFieldsAreRefusedCleanly() {
        qt().withExamples(200).forAll(eventWithRandomFields()).checkAssert(HrWebhookFuzzTest::postAndCheck);
    }

    private static void postAndCheck(String body) {
        long before = Db.count(STATE);
        ExtractableResponse<Response> response = Hr.post(body).extract();
        int status = response.statusCode();

        assertThat(status).as("answer to %s", body).isLessThan(500);
        if (status >= 400) {
            assertThat(REFUSALS).as("status for %s", body).contains(status);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(Db.count(STATE)).as("state after refusing %s", body).isEqualTo(before);
        }
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

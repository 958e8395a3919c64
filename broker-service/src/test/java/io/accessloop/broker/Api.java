package io.accessloop.broker;

import io.accessloop.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** People of the tests and short-hands for the broker's API. */
public final class Api {

    public static final String ALICE = "alice@example.com";
    public static final String BOB = "bob@example.com";
    public static final String CAROL = "carol@example.com";
    public static final String DAVE = "dave@example.com";
    public static final String MALLORY = "mallory@example.com";
    public static final String SEC = "sec@example.com";
    public static final String ERIN = "erin@example.com";
    public static final String ADMIN = "admin@example.com";

    private Api() {
    }

    public static String[] groupsOf(String person) {
        return switch (person) {
            case ALICE -> new String[] {"employee", "payments"};
            case DAVE -> new String[] {"employee", "platform", "payments"};
            case BOB -> new String[] {"employee", "approver", "payments-leads", "platform-leads"};
            case CAROL -> new String[] {"employee", "approver", "payments-leads", "platform-leads", "payments"};
            case SEC -> new String[] {"employee", "security"};
            case ERIN -> new String[] {"employee", "payments"};
            case ADMIN -> new String[] {"employee", "admin"};
            default -> new String[] {"employee", "marketing"};
        };
    }

    public static RequestSpecification as(String person) {
        return given().header("Authorization", Tokens.bearer(person, groupsOf(person))).contentType(ContentType.JSON);
    }

    public static ValidatableResponse submit(String person, String entitlement, String reason) {
        return as(person).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("entitlement", entitlement, "reason", reason))
                .post("/api/v1/requests").then();
    }

    public static ValidatableResponse approve(String person, String requestId) {
        return as(person).body(Map.of("comment", "fine")).post("/api/v1/requests/" + requestId + "/approve").then();
    }

    /** Submits as {@code person} and approves as Bob; returns the grant id. */
    public static String grantFor(String person, String entitlement) {
        String id = submit(person, entitlement, "investigate ticket").statusCode(201).extract().path("id");
        return approve(BOB, id).statusCode(200).extract().path("grantId");
    }
}

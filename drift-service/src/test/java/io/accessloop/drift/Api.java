package io.accessloop.drift;

import io.accessloop.testsupport.Tokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Calls the drift API the way its clients do: pushes with the ingest key, reads with a bearer token. */
public final class Api {

    public static final String API_KEY_HEADER = "x-accessloop-api-key";
    public static final String SECURITY = Tokens.bearer("sam@example.com", "security");
    public static final String AUDITOR = Tokens.bearer("ada@example.com", "auditor");
    public static final String EMPLOYEE = Tokens.bearer("eve@example.com", "employee", "payments");

    private Api() {
    }

    public static ValidatableResponse push(Object body) {
        return given().header(API_KEY_HEADER, "test-key-current").contentType("application/json")
                .body(body.toString()).when().post("/ingest/aws/events").then();
    }

    public static ValidatableResponse get(String token, String path) {
        return given().header("Authorization", token).when().get(path).then();
    }

    /** Starts a reconciliation as a security engineer and polls its status URL until it has finished. */
    public static JsonPath reconcile() {
        io.restassured.response.Response started = given().header("Authorization", SECURITY).post("/api/v1/reconcile");
        started.then().statusCode(202);
        String status = started.jsonPath().getString("statusUrl");
        await().atMost(Duration.ofSeconds(60)).until(() -> !List.of("QUEUED", "RUNNING")
                .contains(get(SECURITY, status).statusCode(200).extract().<String>path("status")));
        return get(SECURITY, status).extract().jsonPath();
    }
}

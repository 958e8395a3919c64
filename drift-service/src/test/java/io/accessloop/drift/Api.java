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

    private Api() {
    }

    /*
     * Tokens are signed at the moment of use: smallrye-jwt gives them five minutes, and one test class on a loaded
     * machine can take longer than that (a token signed once per JVM then answers 401 to every later call).
     */

    /** A security engineer's bearer token, signed now. */
    public static String security() {
        return Tokens.bearer("sam@example.com", "security");
    }

    /** An auditor's bearer token, signed now. */
    public static String auditor() {
        return Tokens.bearer("ada@example.com", "auditor");
    }

    /** An employee's bearer token (team payments), signed now. */
    public static String employee() {
        return Tokens.bearer("eve@example.com", "employee", "payments");
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
        io.restassured.response.Response started = given().header("Authorization", security()).post("/api/v1/reconcile");
        started.then().statusCode(202);
        String status = started.jsonPath().getString("statusUrl");
        await().atMost(Duration.ofSeconds(60)).until(() -> !List.of("QUEUED", "RUNNING")
                .contains(get(security(), status).statusCode(200).extract().<String>path("status")));
        return get(security(), status).extract().jsonPath();
    }
}

package io.accessloop.lifecycle;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ServiceBootTest {

    @Test
    void isReadyWithDatabaseAndBroker() {
        given().when().get("/q/health/ready")
                .then().log().ifValidationFails().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200).body("info.title", equalTo("Accessloop lifecycle-service"));
    }

    @Test
    void exposesPrometheusMetricsIncludingOutboxLag() {
        given().when().get("/q/metrics")
                .then().statusCode(200).body(containsString("accessloop_outbox_lag_seconds"));
    }

    @Test
    void apiRefusesRequestsWithoutAToken() {
        given().when().get("/api/v1/does-not-matter")
                .then().statusCode(401);
    }
}

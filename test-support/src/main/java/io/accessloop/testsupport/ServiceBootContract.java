package io.accessloop.testsupport;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * What every Accessloop service promises an operator once it has started: ready with its database and broker,
 * an OpenAPI document, Prometheus metrics including the outbox lag, and an API closed to anonymous callers.
 * A service's {@code @QuarkusTest} subclass names its OpenAPI title.
 */
public abstract class ServiceBootContract {

    protected abstract String openApiTitle();

    @Test
    void isReadyWithDatabaseAndBroker() {
        given().when().get("/q/health/ready")
                .then().log().ifValidationFails().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200).body("info.title", equalTo(openApiTitle()));
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

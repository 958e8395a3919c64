package io.accessloop.kit.problem;

import io.accessloop.testsupport.DatabaseOutage;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class UnexpectedFailureTest {

    @Test
    void anUnexpectedFailureIsAProblemWithoutInternals() {
        given().post("/probe/notes/broken")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:accessloop:problem:internal"))
                .body(not(containsString("notes_v2")))
                .body(not(containsString("IllegalStateException")));
    }

    @Test
    void anUnreachableDatabaseIsARetryable503AndTheServiceRecoversAfterIt() {
        try (DatabaseOutage outage = DatabaseOutage.begin("kit")) {
            given().post("/probe/grants/grt_outage/expire")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("urn:accessloop:problem:unavailable"))
                    .body(not(containsString("PgException")));
        }
        given().post("/probe/grants/grt_after_outage/expire").then().statusCode(200);
    }
}

package io.accessloop.kit.problem;

import io.accessloop.testsupport.ArtemisResource;
import io.accessloop.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Every kind of bad JSON gets a 400 application/problem+json, never a bare 400 or a 500. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "kit"))
@QuarkusTestResource(ArtemisResource.class)
class BadJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "[]",
            "\"just a string\"",
            "{\"text\":{\"$ne\":null},\"count\":1}",
            "{\"text\":\"x\",\"count\":\"1; drop table notes\"}",
            "{\"text\":[\"a\"],\"count\":1}",
            "{\"text\":\"x\",",
            "not json at all"})
    void badJsonIsAProblem(String body) {
        given().contentType("application/json").body(body)
                .when().post("/probe/notes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:accessloop:problem:malformed-json"))
                .body("title", equalTo("Malformed JSON"));
    }

    @Test
    void aNulCharacterInTextIsRefusedByName() {
        given().contentType("application/json").body("{\"text\":\"investigate x\\u0000\",\"count\":1}")
                .when().post("/probe/notes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("U+0000"))
                .body("detail", containsString("'text'"));
    }

    @Test
    void aWrongShapeIsExplainedInTheApisWordsWithoutJavaTypesOrTheValue() {
        given().contentType("application/json").body("{\"text\":\"x\",\"count\":\"1; drop table notes\"}")
                .when().post("/probe/notes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("'count' must be a number"));
        given().contentType("application/json").body("{\"text\":{\"$ne\":null},\"count\":1}")
                .when().post("/probe/notes")
                .then().statusCode(400)
                .body("detail", equalTo("'text' must be text"))
                .body("detail", not(containsString("java.")));
    }

    @Test
    void goodJsonStillWorks() {
        given().contentType("application/json").body("{\"text\":\"fine\",\"count\":2}")
                .when().post("/probe/notes")
                .then().statusCode(200).body(equalTo("fine x2"));
    }
}

package io.accessloop.drift.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.drift.Api;
import io.accessloop.drift.Samples;
import io.accessloop.testsupport.PostgresResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing of {@code POST /ingest/aws/events} with authenticated random JSON: random documents built from the keys
 * AWS notifications use, and real notifications with one field replaced by random JSON. Never a 5xx; a refused
 * document stores no raw event and creates no inventory row. The corpus comes from a fixed seed so a failure is reproducible.
 */
@QuarkusTest
class IngestFuzzTest {

    private static final long SEED = 0x5eed_11L;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> KEYS = List.of("version", "id", "detail-type", "source", "account", "time",
            "region", "resources", "detail", "configurationItem", "configurationItemDiff", "messageType",
            "resourceType", "resourceName", "resourceId", "ARN", "configuration", "eventName", "eventSource",
            "userIdentity", "requestParameters", "Type", "Message", "MessageId", "TopicArn", "configurationItemStatus",
            "configurationStateId", "configurationItemCaptureTime", "roleName", "policyDocument", "x", "__proto__");
    private static final List<String> WORDS = List.of("aws.config", "aws.iam", "Config Configuration Item Change",
            "AWS API Call via CloudTrail", "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Policy", "Notification",
            "ConfigurationItemChangeNotification", "ResourceDeleted", "OK", "000000000000", "arn:aws:iam::000000000000:role/x",
            "2026-01-01T00:00:00Z", "not-a-time", "%7B%22Version%22%3A%222012-10-17%22%7D", "{\"Version\":\"2012-10-17\"}",
            "<script>alert(1)</script>", "' OR '1'='1", "../../etc/passwd", "\u202Eevil", "\u0000", "\r\nX-Injected: 1",
            "", "\uD83D\uDE00");
    /**
     * What a request writes synchronously: the raw event (everything else is derived from it later, asynchronously,
     * so counting those tables would see earlier accepted documents being processed), and any inventory row of the
     * fuzz role the document names.
     */
    private static final String STATE = "select (select count(*) from raw_event)"
            + " + (select count(*) from iam_resource where name = ?)";
    private static final java.util.regex.Pattern ROLE = java.util.regex.Pattern.compile("fuzz-role-[0-9]+");

    static Stream<String> randomDocuments() {
        Random random = new Random(SEED);
        return IntStream.range(0, 100).mapToObj(i -> randomNode(random, 0).toString());
    }

    static Stream<String> mutatedNotifications() {
        Random random = new Random(SEED + 1);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ObjectNode event = Samples.roleChange("fuzz-role-" + i, Instant.parse("2026-01-01T00:00:00Z"), i + 1);
            List<ObjectNode> holders = new ArrayList<>();
            collectObjects(event, holders);
            ObjectNode target = holders.get(random.nextInt(holders.size()));
            List<String> names = new ArrayList<>();
            target.fieldNames().forEachRemaining(names::add);
            if (!names.isEmpty()) {
                target.set(names.get(random.nextInt(names.size())), randomLeafOrNode(random));
            }
            bodies.add(event.toString());
        }
        return bodies.stream();
    }

    @ParameterizedTest
    @MethodSource("randomDocuments")
    void randomJsonIsNeverAServerErrorAndARefusalChangesNothing(String body) throws SQLException {
        check(body);
    }

    @ParameterizedTest
    @MethodSource("mutatedNotifications")
    void aNotificationWithOneRandomFieldIsNeverAServerError(String body) throws SQLException {
        check(body);
    }

    private static void check(String body) throws SQLException {
        java.util.regex.Matcher role = ROLE.matcher(body);
        String roleName = role.find() ? role.group() : "";
        long before = state(roleName);
        Response response = given().header(Api.API_KEY_HEADER, "test-key-current").contentType("application/json")
                .body(body).post("/ingest/aws/events");

        assertThat(response.statusCode()).as("answer to %s", body).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.statusCode()).isIn(400, 403, 413, 415, 422);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(state(roleName)).as("state after refusing %s", body).isEqualTo(before);
        }
        assertThat(response.headers().hasHeaderWithName("X-Injected")).isFalse();
    }

    private static JsonNode randomNode(Random random, int depth) {
        if (depth > 4 || random.nextInt(4) == 0) {
            return randomLeaf(random);
        }
        if (random.nextInt(5) == 0) {
            ArrayNode array = NODES.arrayNode();
            for (int i = random.nextInt(4); i > 0; i--) {
                array.add(randomNode(random, depth + 1));
            }
            return array;
        }
        ObjectNode object = NODES.objectNode();
        for (int i = random.nextInt(6); i > 0; i--) {
            object.set(KEYS.get(random.nextInt(KEYS.size())), randomNode(random, depth + 1));
        }
        return object;
    }

    private static JsonNode randomLeafOrNode(Random random) {
        return random.nextBoolean() ? randomLeaf(random) : randomNode(random, 2);
    }

    private static JsonNode randomLeaf(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(random.nextDouble() * 1e300);
            case 4 -> NODES.textNode(randomText(random));
            default -> NODES.textNode(WORDS.get(random.nextInt(WORDS.size())));
        };
    }

    private static String randomText(Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            out.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x2FFF) : 0x20 + random.nextInt(0x5F));
        }
        return out.toString();
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                collectObjects(it.next().getValue(), into);
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> collectObjects(child, into));
        }
    }

    private static long state(String roleName) throws SQLException {
        PostgresResource.Server server = PostgresResource.server();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + server.host() + ":" + server.port()
                + "/drift", server.user(), server.password()); PreparedStatement query = c.prepareStatement(STATE)) {
            query.setString(1, roleName);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}

package io.accessloop.drift.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.drift.Api;
import io.accessloop.drift.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.SourceDSL;
import org.quicktheories.impl.Constraint;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.quicktheories.QuickTheory.qt;

/**
 * Property-based fuzzing (quicktheories) of {@code POST /ingest/aws/events}, authenticated as EventBridge: random
 * JSON built from the keys AWS notifications use, real notifications of every kind with one random field replaced,
 * bodies that are not JSON at all, and well-formed role changes carrying random policy documents. Never a 5xx; a
 * refusal is a problem+json and stores nothing; an accepted notification is always processed to an outcome (never
 * stuck, never poisoning the consumer).
 */
@QuarkusTest
class IngestPropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> KEYS = List.of("version", "id", "detail-type", "source", "account", "time",
            "region", "resources", "detail", "configurationItem", "configurationItemSummary", "messageType",
            "resourceType", "resourceName", "resourceId", "ARN", "configuration", "eventName", "eventSource",
            "userIdentity", "requestParameters", "Type", "Message", "MessageId", "TopicArn", "configurationItemStatus",
            "configurationStateId", "configurationItemCaptureTime", "roleName", "policyDocument", "s3ObjectKey",
            "constructor", "__proto__");
    private static final List<String> WORDS = List.of("aws.config", "aws.iam", "Config Configuration Item Change",
            "AWS API Call via CloudTrail", "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group", "AWS::IAM::Policy",
            "Notification", "ConfigurationItemChangeNotification", "OversizedConfigurationItemChangeNotification",
            "ResourceDeleted", "ResourceDiscovered", "OK", "000000000000", "arn:aws:iam::000000000000:role/x",
            "2026-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "not-a-time", "%7B%22Version%22%3A%222012-10-17%22%7D",
            "%zz", "{\"Version\":\"2012-10-17\"}", "<script>alert(1)</script>", "' OR '1'='1", "../../etc/passwd",
            "\u202Eevil", "\r\nX-Injected: 1", "", "\uD83D\uDE00", "${jndi:ldap://x/a}", "iam.amazonaws.com");
    private static final List<String> SAMPLES = List.of("eventbridge-config-item-change-role.json",
            "sns-config-item-change-user.json", "eventbridge-cloudtrail-attach-role-policy.json",
            "eventbridge-config-oversized-policy.json", "eventbridge-config-item-change-security-group.json");

    @Test
    void randomJsonIsNeverAServerErrorAndARefusalStoresNothing() {
        qt().withExamples(150).forAll(json(0)).checkAssert(node -> check(node.toString()));
    }

    @Test
    void aRealNotificationWithOneRandomFieldReplacedIsNeverAServerError() {
        qt().withExamples(250).forAll(SourceDSL.integers().between(0, SAMPLES.size() - 1),
                        SourceDSL.integers().between(0, 10_000), json(2))
                .checkAssert((sample, pick, value) -> {
                    ObjectNode event = Samples.load(SAMPLES.get(sample));
                    event.put(event.has("MessageId") ? "MessageId" : "id", UUID.randomUUID().toString());
                    List<ObjectNode> holders = new ArrayList<>();
                    collectObjects(event, holders);
                    ObjectNode target = holders.get(pick % holders.size());
                    List<String> names = new ArrayList<>();
                    target.fieldNames().forEachRemaining(names::add);
                    if (!names.isEmpty()) {
                        target.set(names.get(pick % names.size()), value);
                    }
                    check(event.toString());
                });
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedAndStoresNothing() {
        List<String> starts = List.of("x", "<", "#", "=", "@", "'", "\u0000", "\uFEFFx", "%7B", "-", "NaN", "tru");
        Gen<String> notJson = SourceDSL.integers().between(0, starts.size() - 1)
                .zip(SourceDSL.strings().allPossible().ofLengthBetween(0, 400), (start, rest) -> starts.get(start) + rest);
        qt().withExamples(150).forAll(notJson)
                .checkAssert(text -> {
                    long before = rawEvents();
                    Response response = push(text);
                    assertThat(response.statusCode()).as("answer to %s", text).isIn(400, 403, 413, 415, 422);
                    assertThat(response.contentType()).startsWith("application/problem+json");
                    assertThat(rawEvents()).isEqualTo(before);
                });
    }

    @Test
    void anAcceptedRoleChangeWithARandomPolicyDocumentIsAlwaysProcessedToAnOutcome() {
        Gen<String> documents = SourceDSL.integers().between(0, 3).zip(json(1),
                SourceDSL.strings().allPossible().ofLengthBetween(0, 80), (kind, node, text) -> switch (kind) {
                    case 0 -> URLEncoder.encode(node.toString(), StandardCharsets.UTF_8);
                    case 1 -> node.toString();
                    case 2 -> text;
                    default -> "%" + text;
                });
        List<String> accepted = new ArrayList<>();
        qt().withExamples(60).forAll(documents).checkAssert(document -> {
            String role = "prop-role-" + UUID.randomUUID().toString().substring(0, 8);
            ObjectNode change = Samples.roleChange(role, Instant.now(), 1);
            ObjectNode inline = (ObjectNode) Samples.configuration(change).withArray("rolePolicyList").addObject();
            inline.put("policyName", "fuzzed");
            inline.put("policyDocument", document);
            Response response = push(change.toString());
            assertThat(response.statusCode()).as("answer to %s", document).isIn(202, 400, 422);
            if (response.statusCode() == 202) {
                accepted.add(response.path("rawEventId"));
            } else {
                assertThat(DriftDb.count("select count(*) from iam_resource where name = ?", role)).isZero();
            }
        });
        assertThat(accepted).as("most role changes are accepted; policy text is checked later").isNotEmpty();
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(accepted).allSatisfy(id ->
                assertThat(DriftDb.strings("select outcome from raw_event where id = ? and processed_at is not null", id))
                        .as("outcome of %s", id).hasSize(1)));
    }

    private static void check(String body) {
        String name = roleOf(body);
        long before = rawEvents();
        long inventoryBefore = DriftDb.count("select count(*) from iam_resource where name = ?", name);
        Response response = push(body);

        assertThat(response.statusCode()).as("answer to %s", body).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.statusCode()).isIn(400, 403, 413, 415, 422);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(rawEvents()).as("refusing %s stores nothing", body).isEqualTo(before);
            assertThat(DriftDb.count("select count(*) from iam_resource where name = ?", name)).isEqualTo(inventoryBefore);
        }
        assertThat(response.headers().hasHeaderWithName("X-Injected")).isFalse();
    }

    private static Response push(String body) {
        return given().header(Api.API_KEY_HEADER, "test-key-current").contentType("application/json").body(body)
                .post("/ingest/aws/events");
    }

    private static long rawEvents() {
        return DriftDb.count("select count(*) from raw_event");
    }

    private static String roleOf(String body) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"resourceName\":\"([^\"]{1,100})\"").matcher(body);
        return m.find() ? m.group(1) : "";
    }

    /** Random JSON from AWS notification keys and hostile values, starting at nesting depth {@code depth}. */
    private static Gen<JsonNode> json(int depth) {
        return in -> node(in, depth);
    }

    private static JsonNode node(RandomnessSource in, int depth) {
        int kind = (int) in.next(Constraint.between(0, depth > 4 ? 0 : 5));
        if (kind >= 3) {
            ObjectNode object = NODES.objectNode();
            for (long i = in.next(Constraint.between(0, 6)); i > 0; i--) {
                object.set(KEYS.get((int) in.next(Constraint.between(0, KEYS.size() - 1))), node(in, depth + 1));
            }
            return object;
        }
        if (kind == 2) {
            ArrayNode array = NODES.arrayNode();
            for (long i = in.next(Constraint.between(0, 3)); i > 0; i--) {
                array.add(node(in, depth + 1));
            }
            return array;
        }
        return leaf(in);
    }

    private static JsonNode leaf(RandomnessSource in) {
        return switch ((int) in.next(Constraint.between(0, 6))) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(in.next(Constraint.between(0, 1)) == 1);
            case 2 -> NODES.numberNode(in.next(Constraint.between(Long.MIN_VALUE, Long.MAX_VALUE)));
            case 3 -> NODES.numberNode(in.next(Constraint.between(-1000, 1000)) * 1e300);
            case 4 -> {
                StringBuilder text = new StringBuilder();
                for (long i = in.next(Constraint.between(0, 40)); i > 0; i--) {
                    text.appendCodePoint((int) in.next(Constraint.between(0x20, 0x2FFF)));
                }
                yield NODES.textNode(text.toString());
            }
            default -> NODES.textNode(WORDS.get((int) in.next(Constraint.between(0, WORDS.size() - 1))));
        };
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
}

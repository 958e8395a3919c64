package io.accessloop.portal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.accessloop.portal.clients.Page;
import io.accessloop.portal.clients.Problem;
import io.accessloop.portal.support.Contract;
import io.accessloop.portal.support.RecordSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Keeps the page tests' stubs honest. Every recorded response (1) reads into the portal's client type with unknown
 * properties refused, and (2) has exactly the properties of the record the service serialises, read from the
 * service's own source, nested records included. A service renaming, adding or dropping a field fails here.
 */
class ContractTest {

    private static final ObjectMapper STRICT = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    /** The documented keys of the AWS CLI's credential_process output. */
    private static final Set<String> CREDENTIAL_PROCESS_KEYS =
            Set.of("Version", "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration");

    @ParameterizedTest
    @EnumSource(Contract.class)
    void recordedResponseReadsIntoThePortalType(Contract contract) throws IOException {
        for (JsonNode item : items(contract)) {
            // problem+json leaves out empty members, so only there may properties be absent
            ObjectMapper mapper = contract.portalType() == Problem.class
                    ? STRICT.copy().disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES) : STRICT;
            Record value = mapper.treeToValue(item, contract.portalType());
            assertThat(value).isNotNull();
        }
        if (contract.shape() == Contract.Shape.PAGE) {
            assertThat(STRICT.readValue(contract.body(), Page.class).items()).isNotEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Contract.class)
    void recordedResponseHasExactlyTheServiceRecordsProperties(Contract contract) throws IOException {
        if (contract.portalType() == io.accessloop.portal.clients.broker.ProcessCredentials.class) {
            for (JsonNode item : items(contract)) {
                assertThat(fieldNames(item)).as("AWS CLI credential_process keys").isEqualTo(CREDENTIAL_PROCESS_KEYS);
            }
        }
        Path root = reactorRoot();
        RecordSource source = RecordSource.find(root, contract.serviceModule(), contract.serviceRecord());
        boolean omitsEmpty = sourceOf(root, contract).contains("JsonInclude");
        List<String> problems = new ArrayList<>();
        for (JsonNode item : items(contract)) {
            compare(source, contract.serviceRecord(), item, omitsEmpty, contract.serviceRecord(), problems,
                    type -> RecordSource.sibling(root, contract.serviceModule(), type));
        }
        assertThat(problems).as(contract.file() + " against " + contract.serviceModule() + " "
                + contract.serviceRecord()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Contract.class)
    void portalTypeHasTheServiceRecordsComponents(Contract contract) {
        RecordSource source = RecordSource.find(reactorRoot(), contract.serviceModule(), contract.serviceRecord());
        Set<String> portal = new LinkedHashSet<>(Arrays.stream(contract.portalType().getRecordComponents())
                .map(ContractTest::propertyName).toList());
        assertThat(portal).containsExactlyElementsOf(source.components(contract.serviceRecord()).keySet());
    }

    @Test
    void aRenamedPropertyIsCaught() {
        RecordSource source = RecordSource.parse("""
                public record GrantView(String id, @JsonProperty("endsAt") Instant end, Review review) {
                    public record Review(boolean pending, String comment) { }
                }""");
        ObjectMapper mapper = new ObjectMapper();
        JsonNode renamed = mapper.createObjectNode().put("id", "grt_1").put("endAt", "2026-12-04T10:00:00Z")
                .set("review", mapper.createObjectNode().put("pending", true).put("comment", "c"));
        List<String> problems = new ArrayList<>();
        compare(source, "GrantView", renamed, false, "GrantView", problems, type -> java.util.Optional.empty());
        assertThat(problems).containsExactlyInAnyOrder("GrantView: not in the service record: [endAt]",
                "GrantView: missing from the recording: [endsAt]");
        assertThatThrownBy(() -> STRICT.readValue(Contract.GRANT_CREDENTIALS.body().replace("\"Version\"", "\"Extra\": 2, \"Version\""),
                io.accessloop.portal.clients.broker.ProcessCredentials.class))
                .hasMessageContaining("Extra");
    }

    private static String propertyName(java.lang.reflect.RecordComponent component) {
        com.fasterxml.jackson.annotation.JsonProperty renamed =
                component.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        return renamed != null ? renamed.value() : component.getName();
    }

    private static void compare(RecordSource source, String record, JsonNode node, boolean omitsEmpty, String where,
                                List<String> problems,
                                java.util.function.Function<String, java.util.Optional<RecordSource>> siblings) {
        Map<String, String> components = source.components(record);
        Set<String> recorded = fieldNames(node);
        Set<String> unknown = new LinkedHashSet<>(recorded);
        unknown.removeAll(components.keySet());
        if (!unknown.isEmpty()) {
            problems.add(where + ": not in the service record: " + unknown);
        }
        Set<String> missing = new LinkedHashSet<>(components.keySet());
        missing.removeAll(recorded);
        if (!omitsEmpty && !missing.isEmpty()) {
            problems.add(where + ": missing from the recording: " + missing);
        }
        components.forEach((name, type) -> {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return;
            }
            java.util.Optional<String> nested = source.nestedRecord(type);
            RecordSource holder = nested.isPresent() ? source : siblings.apply(type).orElse(null);
            if (holder == null) {
                return;
            }
            String nestedName = nested.orElse(RecordSource.elementType(type));
            if (value.isArray()) {
                value.forEach(element -> compare(holder, nestedName, element, omitsEmpty, where + "." + name + "[]",
                        problems, siblings));
            } else {
                compare(holder, nestedName, value, omitsEmpty, where + "." + name, problems, siblings);
            }
        });
    }

    private static List<JsonNode> items(Contract contract) throws IOException {
        JsonNode body = STRICT.readTree(contract.body());
        if (contract.shape() == Contract.Shape.ONE) {
            return List.of(body);
        }
        assertThat(fieldNames(body)).as(contract.file() + " is a list page").isEqualTo(Set.of("items", "nextCursor"));
        List<JsonNode> items = new ArrayList<>();
        body.get("items").forEach(items::add);
        assertThat(items).as(contract.file() + " items").isNotEmpty();
        return items;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String sourceOf(Path root, Contract contract) throws IOException {
        String fileName = contract.serviceRecord().split("\\.")[0] + ".java";
        try (var files = Files.walk(root.resolve(contract.serviceModule()).resolve("src/main/java"))) {
            Path file = files.filter(p -> p.getFileName().toString().equals(fileName))
                    .findFirst().orElseThrow();
            return Files.readString(file);
        }
    }

    private static Path reactorRoot() {
        String configured = System.getProperty("accessloop.reactor.root");
        Path root = Path.of(configured != null ? configured : "..").toAbsolutePath().normalize();
        assertThat(root.resolve("broker-service")).as("reactor root " + root).isDirectory();
        return root;
    }
}

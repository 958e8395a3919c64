package io.accessloop.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoldenSamplesTest {

    private static final EventCodec CODEC = new EventCodec();

    static List<EventType<?>> types() {
        return EventTypes.ALL;
    }

    @ParameterizedTest
    @MethodSource("types")
    void goldenSampleValidatesAgainstItsSchema(EventType<?> type) {
        Set<ValidationMessage> errors = schema(type).validate(read(type.sampleResource()));
        assertThat(errors).as(type.type()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("types")
    void goldenSampleRoundTripsThroughTheTypedPayload(EventType<?> type) throws Exception {
        JsonNode sample = read(type.sampleResource());
        CloudEvent event = CODEC.decode(sample.toString());

        Object payload = CODEC.payload(event, type);
        CloudEvent rebuilt = new CloudEvent(event.specversion(), event.id(), event.source(), event.type(),
                event.subject(), event.time(), event.datacontenttype(), CODEC.toTree(payload));

        assertThat(payload).isInstanceOf(type.payloadClass());
        assertThat(CODEC.mapper().readTree(CODEC.encode(rebuilt))).isEqualTo(sample);
    }

    @ParameterizedTest
    @MethodSource("types")
    void schemaRejectsAPayloadWithAnUnknownField(EventType<?> type) {
        JsonNode sample = read(type.sampleResource());
        ((com.fasterxml.jackson.databind.node.ObjectNode) sample.get("data")).put("secretAccessKey", "wJalr");
        assertThat(schema(type).validate(sample)).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("types")
    void schemaPinsTheTypeAttribute(EventType<?> type) {
        JsonNode sample = read(type.sampleResource());
        ((com.fasterxml.jackson.databind.node.ObjectNode) sample).put("type", type.type().replace(".v1", ".v2"));
        assertThat(schema(type).validate(sample)).isNotEmpty();
    }

    @org.junit.jupiter.api.Test
    void decodingGarbageIsAClearError() {
        assertThatThrownBy(() -> CODEC.decode("{\"specversion\":\"0.3\"}"))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> CODEC.decode("not json"))
                .isInstanceOf(MalformedEventException.class);
    }

    @org.junit.jupiter.api.Test
    void payloadOfTheWrongTypeIsRefused() {
        CloudEvent event = CODEC.decode(read(EventTypes.GRANT_ACTIVATED.sampleResource()).toString());
        assertThatThrownBy(() -> CODEC.payload(event, EventTypes.GRANT_REVOKED))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(EventTypes.GRANT_REVOKED.type());
    }

    private static JsonSchema schema(EventType<?> type) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(read(type.schemaResource()), config);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = GoldenSamplesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return CODEC.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

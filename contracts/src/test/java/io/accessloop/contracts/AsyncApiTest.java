package io.accessloop.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncApiTest {

    private final JsonNode doc = read();

    @Test
    void describesEveryAddressOfTheTopology() {
        Set<String> addresses = new HashSet<>();
        doc.get("channels").forEach(channel -> addresses.add(channel.get("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(
                Topology.ROUTES.stream().map(Topology.Route::address).toList());
    }

    @Test
    void listsEveryEventTypeOnTheAddressItTravelsOn() {
        for (EventType<?> type : EventTypes.ALL) {
            String name = type.payloadClass().getSimpleName();
            JsonNode message = doc.at("/components/messages/" + name);
            assertThat(message.get("name").asText()).isEqualTo(type.type());
            JsonNode channel = doc.get("channels").get(type.address().replace('.', '-'));
            assertThat(channel.at("/messages/" + name).isMissingNode()).as(type.type()).isFalse();
        }
    }

    @Test
    void everyTypeTravelsOnAnAddressThatExists() {
        Set<String> known = new HashSet<>();
        Topology.ROUTES.forEach(route -> known.add(route.address()));
        EventTypes.ALL.forEach(type -> assertThat(known).contains(type.address()));
        assertThat(EventTypes.byType("io.accessloop.access.grant.revoked.v1")).contains(EventTypes.GRANT_REVOKED);
        assertThat(EventTypes.byType("io.accessloop.access.grant.revoked.v9")).isEmpty();
    }

    private static JsonNode read() {
        try (InputStream in = AsyncApiTest.class.getResourceAsStream("/io/accessloop/contracts/asyncapi.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.accessloop.drift.web;

import io.accessloop.drift.Api;
import io.accessloop.drift.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Keyset cursors: rows inserted between two pages cause neither duplicates nor skips. */
@QuarkusTest
class KeysetPagingTest {

    @Test
    void principalsInsertedBetweenPagesAreNeitherRepeatedNorSkipped() {
        String prefix = "keyset-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        role(prefix + "a");
        role(prefix + "c");
        role(prefix + "e");
        awaitPrincipals(prefix, 3);

        JsonPath first = Api.get(Api.auditor(), "/api/v1/inventory/principals?type=ROLE&limit=2&name=" + prefix)
                .statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.name", String.class)).containsExactly(prefix + "a", prefix + "c");
        role(prefix + "b"); // sorts before the cursor: offset paging would show "c" again
        role(prefix + "d"); // sorts after the cursor: must not be skipped
        awaitPrincipals(prefix, 5);

        JsonPath second = Api.get(Api.auditor(), "/api/v1/inventory/principals?type=ROLE&limit=2&name=" + prefix
                + "&cursor=" + first.getString("nextCursor")).statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.name", String.class)).containsExactly(prefix + "d", prefix + "e");
        assertThat(second.getString("nextCursor")).isNull();

        // a cursor continues only the listing it came from
        Api.get(Api.auditor(), "/api/v1/findings?cursor=" + first.getString("nextCursor")).statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void findingsOpenedBetweenPagesAreNeitherRepeatedNorSkipped() {
        String prefix = "keyset-open-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String query = "/api/v1/findings?rule=open-trust-policy&sort=-openedAt&limit=1";
        String older = openTrust(prefix + "1");
        String newer = openTrust(prefix + "2");
        List<String> seen = new ArrayList<>();
        JsonPath page = Api.get(Api.auditor(), query).statusCode(200).extract().jsonPath();
        seen.addAll(page.getList("items.id", String.class));
        assertThat(seen).containsExactly(newer);
        openTrust(prefix + "3"); // newest: sorts before everything already shown; offset paging would repeat "2"
        for (int i = 0; i < 500 && page.getString("nextCursor") != null; i++) {
            page = Api.get(Api.auditor(), query + "&cursor=" + page.getString("nextCursor")).statusCode(200)
                    .extract().jsonPath();
            seen.addAll(page.getList("items.id", String.class));
        }
        assertThat(page.getString("nextCursor")).isNull();
        assertThat(seen).doesNotHaveDuplicates().contains(older, newer);
    }

    private static void role(String name) {
        Api.push(Samples.roleChange(name, Instant.now().truncatedTo(ChronoUnit.MILLIS), 1)).statusCode(202);
    }

    private static String openTrust(String name) {
        var event = Samples.roleChange(name, Instant.now().truncatedTo(ChronoUnit.MILLIS), 1);
        Samples.unmanage(event);
        Samples.setTrust(event, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}]}");
        Api.push(event).statusCode(202);
        String arn = "arn:aws:iam::000000000000:role/" + name;
        String query = "/api/v1/findings?rule=open-trust-policy&principalArn=" + arn;
        await().atMost(Duration.ofSeconds(20)).until(() -> !Api.get(Api.auditor(), query).statusCode(200).extract()
                .jsonPath().getList("items").isEmpty());
        return Api.get(Api.auditor(), query).extract().path("items[0].id");
    }

    private static void awaitPrincipals(String prefix, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.get(Api.auditor(),
                "/api/v1/inventory/principals?type=ROLE&limit=200&name=" + prefix).statusCode(200).extract().jsonPath()
                .getList("items").size() == count);
    }
}

package io.accessloop.broker;

import io.restassured.path.json.JsonPath;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Walks a keyset-paged list endpoint ({@code items[].id}, {@code nextCursor} = the last item's id) to its end. */
public final class KeysetPages {

    private KeysetPages() {
    }

    /**
     * Every page of {@code query}, fetched by {@code page} and following nextCursor, until the list ends or holds more
     * than {@code wanted} ids (lists with other tests' rows go on below a test's own). Checks each page's size and
     * cursor on the way. Returns the first {@code wanted} ids; any after them must not be one of {@code storedIds},
     * and only a list that may hold other tests' rows ({@code onlyStoredRows} false) may have them.
     */
    public static List<String> walk(Function<String, JsonPath> page, String query, int limit, int wanted,
                                    boolean onlyStoredRows, Collection<String> storedIds) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages <= storedIds.size() + 1; pages++) {
            JsonPath answer = page.apply(query + (cursor == null ? "" : "&cursor=" + cursor));
            List<String> items = answer.getList("items.id", String.class);
            assertThat(items.size()).as(query).isLessThanOrEqualTo(limit);
            ids.addAll(items);
            cursor = answer.getString("nextCursor");
            if (cursor != null) {
                assertThat(items).as(query).hasSize(limit);
                assertThat(cursor).as(query).isEqualTo(items.get(items.size() - 1));
            }
            if (cursor == null || ids.size() > wanted) {
                return firstWanted(query, ids, wanted, onlyStoredRows, storedIds);
            }
        }
        throw new AssertionError("more pages than rows for " + query);
    }

    private static List<String> firstWanted(String query, List<String> ids, int wanted, boolean onlyStoredRows,
                                            Collection<String> storedIds) {
        if (ids.size() <= wanted) {
            return ids;
        }
        assertThat(onlyStoredRows).as(query + " lists more than the stored rows").isFalse();
        assertThat(storedIds).as(query).doesNotContain(ids.get(wanted));
        return ids.subList(0, wanted);
    }
}

package io.accessloop.bench.e2e;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What every driver needs: the stack, clients, the size of the run, and where figures and reasons go. */
final class Context {

    final LocalStack stack = LocalStack.localhost();
    final Http http = new Http();
    final Tokens tokens = new Tokens(http, stack);
    final AwsSessions aws = new AwsSessions(http, stack);
    final Databases db = new Databases(stack);
    final boolean full;
    final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    final ArrayNode rows;
    /** Figures one driver leaves for another (e.g. the single-grant expiry rate, the storm's baseline). */
    final java.util.Map<String, Double> figures = new java.util.concurrent.ConcurrentHashMap<>();
    final ObjectNode notes;

    Context(boolean full, ArrayNode rows, ObjectNode notes) {
        this.full = full;
        this.rows = rows;
        this.notes = notes;
    }

    int iterations(int shortMode, int fullMode) {
        return full ? fullMode : shortMode;
    }

    /** Why a figure is missing or what it really measured, shown next to its target in RESULTS.md. */
    void note(String benchmark, String text) {
        notes.put("e2e." + benchmark, text);
        System.out.println("note " + benchmark + ": " + text);
    }
}

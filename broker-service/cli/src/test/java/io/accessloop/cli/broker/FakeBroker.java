package io.accessloop.cli.broker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for the broker's REST API on a local port: answers per "METHOD path" from scripted queues (the last
 * answer repeats) and records every call with its headers and body.
 */
final class FakeBroker implements AutoCloseable {

    record Call(String method, String path, String authorization, String idempotencyKey, String body) {
    }

    record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> answers = new HashMap<>();
    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    FakeBroker() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    FakeBroker on(String methodAndPath, int status, String body) {
        answers.computeIfAbsent(methodAndPath, k -> new ArrayDeque<>()).add(new Answer(status, body));
        return this;
    }

    List<Call> calls(String method, String pathPrefix) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.method().equals(method) && c.path().startsWith(pathPrefix)).toList();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().toString();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(new Call(method, path, exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
        String key = method + " " + exchange.getRequestURI().getPath();
        Deque<Answer> queue = answers.get(key);
        Answer answer = queue == null || queue.isEmpty() ? new Answer(404, "{\"title\":\"Not found\"}")
                : queue.size() > 1 ? queue.poll() : queue.peek();
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.status() >= 400 ? "application/problem+json"
                : "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.accessloop.broker.resilience;

import io.accessloop.testsupport.SandboxResource;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The sandbox's fault injection: AWS answering with throttling, errors or slowly, and clearing that again. */
final class Faults {

    private Faults() {
    }

    /** Every matching call fails (or is slowed) until {@link #clear()}. */
    static void inject(String action, String type, int statusCode, long latencyMillis) {
        SandboxResource.control("/_sandbox/faults", "{\"action\":\"" + action + "\",\"type\":\"" + type
                + "\",\"statusCode\":" + statusCode + ",\"latencyMillis\":" + latencyMillis + ",\"probability\":1.0}");
    }

    static void clear() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    SandboxResource.endpoint().resolve("/_sandbox/faults")).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("clearing faults answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

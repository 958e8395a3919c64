package io.accessloop.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Waits for a process the tests started to answer 200 on its readiness URL, failing with its log if it dies. */
final class Readiness {

    private Readiness() {
    }

    static void await(String name, Process process, URI readiness, Path log, Duration limit) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(limit);
        try {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited: " + Files.readString(log));
                }
                try {
                    if (client.send(HttpRequest.newBuilder(readiness).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalStateException(name + " exited and its log " + log + " is unreadable", e);
        }
        throw new IllegalStateException(name + " not ready within " + limit.toSeconds() + " s, see " + log);
    }
}

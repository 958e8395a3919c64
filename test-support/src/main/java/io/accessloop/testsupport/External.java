package io.accessloop.testsupport;

import java.util.Optional;

/** Reads the environment variables that point tests at infrastructure someone already runs. */
final class External {

    private External() {
    }

    static Optional<String> env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}

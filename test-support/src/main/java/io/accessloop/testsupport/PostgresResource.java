package io.accessloop.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL for tests. With {@code ACCESSLOOP_TEST_PG_HOST} (and optional {@code _PORT}, {@code _USER},
 * {@code _PASSWORD}) it uses that server; otherwise it starts PostgreSQL 17 from Maven Central binaries, once per
 * test JVM. Each module gets its own database (init arg {@code database}), created fresh.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres embedded;

    private String database = "accessloop";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Server server = server();
        recreate(server, database);
        String hostPort = server.host() + ":" + server.port() + "/" + database;
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://" + hostPort,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostPort,
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        // the embedded server lives for the whole JVM: later test classes reuse it
    }

    /** Connection details of the server in use, starting the embedded one if needed. */
    public static synchronized Server server() {
        var host = External.env("ACCESSLOOP_TEST_PG_HOST");
        if (host.isPresent()) {
            return new Server(host.get(), Integer.parseInt(External.env("ACCESSLOOP_TEST_PG_PORT").orElse("5432")),
                    External.env("ACCESSLOOP_TEST_PG_USER").orElse("postgres"),
                    External.env("ACCESSLOOP_TEST_PG_PASSWORD").orElse("postgres"));
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().setPort(External.freePort()).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresResource::close));
        }
        return new Server("localhost", embedded.getPort(), "postgres", "postgres");
    }

    private static void close() {
        try {
            embedded.close();
        } catch (IOException ignored) {
            // the JVM is going away
        }
    }

    private static void recreate(Server server, String database) {
        try (Connection c = java.sql.DriverManager.getConnection(
                "jdbc:postgresql://" + server.host() + ":" + server.port() + "/postgres", server.user(), server.password());
             Statement s = c.createStatement()) {
            s.execute("drop database if exists \"" + database + "\" with (force)");
            s.execute("create database \"" + database + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database, e);
        }
    }

    /** Where the test PostgreSQL listens. */
    public record Server(String host, int port, String user, String password) {
    }
}

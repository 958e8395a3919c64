package io.accessloop.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes the service's database unreachable the way a network cut or a PostgreSQL restart does: every open session of
 * the service is terminated and new connections are refused until {@link #end()}. The server itself keeps running,
 * so the tests can look at the data once it is back.
 */
public final class DatabaseOutage implements AutoCloseable {

    private final String database;
    private boolean active;

    private DatabaseOutage(String database) {
        this.database = database;
    }

    public static DatabaseOutage begin(String database) {
        DatabaseOutage outage = new DatabaseOutage(database);
        outage.run("alter database \"" + database + "\" with allow_connections false");
        outage.active = true;
        outage.killSessions();
        return outage;
    }

    /** Terminates every session on the database, e.g. a relay pass that had claimed rows, as a process crash would. */
    public static void killSessions(String database) {
        new DatabaseOutage(database).killSessions();
    }

    public void end() {
        if (active) {
            run("alter database \"" + database + "\" with allow_connections true");
            active = false;
        }
    }

    @Override
    public void close() {
        end();
    }

    private void killSessions() {
        run("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database
                + "' and pid <> pg_backend_pid()");
    }

    private void run(String sql) {
        PostgresResource.Server server = PostgresResource.server();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + server.host() + ":" + server.port()
                + "/postgres", server.user(), server.password()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}

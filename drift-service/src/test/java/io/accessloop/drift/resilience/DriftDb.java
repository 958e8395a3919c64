package io.accessloop.drift.resilience;

import io.accessloop.testsupport.PostgresResource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC on drift's test database, and the crash of every session the service holds on it. */
final class DriftDb {

    private static final String DATABASE = "drift";

    private DriftDb() {
    }

    static long count(String sql, Object... params) {
        List<String> rows = strings(sql, params);
        return Long.parseLong(rows.get(0));
    }

    /** The first column of every row, as text. */
    static List<String> strings(String sql, Object... params) {
        try (Connection c = connect(DATABASE); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Terminates every session of the service on its database, as the death of its process would. */
    static void killServiceSessions() {
        try (Connection c = connect("postgres"); PreparedStatement s = c.prepareStatement(
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
            s.setString(1, DATABASE);
            s.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect(String database) throws SQLException {
        PostgresResource.Server server = PostgresResource.server();
        return DriverManager.getConnection("jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + database,
                server.user(), server.password());
    }
}

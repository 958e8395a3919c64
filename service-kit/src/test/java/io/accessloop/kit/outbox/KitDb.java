package io.accessloop.kit.outbox;

import io.accessloop.testsupport.PostgresResource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Direct reads and writes of the kit's test database over JDBC, beside the service's own pool: what the outbox tests
 * assert on, and a second connection that plays another replica. Each statement takes at most one string parameter.
 */
final class KitDb {

    private KitDb() {
    }

    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    static Connection connect() throws SQLException {
        PostgresResource.Server server = PostgresResource.server();
        return DriverManager.getConnection("jdbc:postgresql://" + server.host() + ":" + server.port() + "/kit",
                server.user(), server.password());
    }

    /** Hands every row of {@code sql} to {@code reader}; {@code param} is the statement's one parameter, or null. */
    static void query(String sql, String param, RowReader reader) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            if (param != null) {
                s.setString(1, param);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the last row as a number (for single-row aggregates), 0 without rows. */
    static long count(String sql, String param) {
        long[] result = {0};
        query(sql, param, rs -> result[0] = rs.getLong(1));
        return result[0];
    }

    /** The first column of the first row as text, null without rows. */
    static String single(String sql, String param) {
        List<String> values = strings(sql, param);
        return values.isEmpty() ? null : values.get(0);
    }

    static List<String> strings(String sql, String param) {
        List<String> values = new ArrayList<>();
        query(sql, param, rs -> values.add(rs.getString(1)));
        return values;
    }

    static void update(String sql, String param) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.accessloop.bench.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Direct access to the local run's databases (user {@code accessloop}): seeding grants the way the services store
 * them (broker {@code access_grant}, lifecycle {@code grant_schedule}) and counting what the services did.
 */
public final class Databases {

    private final LocalStack stack;

    public Databases(LocalStack stack) {
        this.stack = stack;
    }

    public Connection open(String database) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database), "accessloop", "accessloop");
    }

    /** A grant as the broker stores an ACTIVE one and the lifecycle schedules its end (batched inserts). */
    public record SeededGrant(String id, String identity, String entitlement, String roleArn) {
    }

    public void seedBrokerGrants(List<SeededGrant> grants, Instant start, Instant end) throws SQLException {
        try (Connection c = open("broker"); PreparedStatement s = c.prepareStatement("insert into access_grant (id, "
                + "request_id, identity, entitlement, account_id, role_arn, starts_at, ends_at, break_glass, status) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, false, 'ACTIVE')")) {
            c.setAutoCommit(false);
            int n = 0;
            for (SeededGrant g : grants) {
                s.setString(1, g.id());
                s.setString(2, "req_" + g.id().substring(4));
                s.setString(3, g.identity());
                s.setString(4, g.entitlement());
                s.setString(5, LocalStack.ACCOUNT);
                s.setString(6, g.roleArn());
                s.setTimestamp(7, Timestamp.from(start));
                s.setTimestamp(8, Timestamp.from(end));
                s.addBatch();
                if (++n % 1000 == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
            c.commit();
        }
    }

    public void seedSchedule(List<SeededGrant> grants, Instant end) throws SQLException {
        try (Connection c = open("lifecycle"); PreparedStatement s = c.prepareStatement("insert into grant_schedule "
                + "(grant_id, identity, entitlement, role_arn, ends_at, status, updated_at) "
                + "values (?, ?, ?, ?, ?, 'ACTIVE', now())")) {
            c.setAutoCommit(false);
            int n = 0;
            for (SeededGrant g : grants) {
                s.setString(1, g.id());
                s.setString(2, g.identity());
                s.setString(3, g.entitlement());
                s.setString(4, g.roleArn());
                s.setTimestamp(5, Timestamp.from(end));
                s.addBatch();
                if (++n % 1000 == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
            c.commit();
        }
    }

    /** One number from a query with a single text parameter (counts). */
    public long count(String database, String sql, String parameter) throws SQLException {
        try (Connection c = open(database); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Runs one statement with a text parameter in its own transaction; returns the rows it changed. */
    public int update(String database, String sql, String parameter) throws SQLException {
        try (Connection c = open(database); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            return s.executeUpdate();
        }
    }
}

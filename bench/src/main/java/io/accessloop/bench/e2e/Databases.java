package io.accessloop.bench.e2e;

import io.accessloop.contracts.CloudEvent;
import io.accessloop.contracts.EventCodec;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.command.RevokeGrant;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** ACTIVE grants in the broker's {@code access_grant}, written with COPY (100,000 rows take seconds). */
    public void seedBrokerGrants(List<SeededGrant> grants, Instant start, Instant end) throws SQLException, IOException {
        StringBuilder csv = new StringBuilder(grants.size() * 200);
        for (SeededGrant g : grants) {
            csv.append(g.id()).append(',').append("req_").append(g.id().substring(4)).append(',').append(g.identity())
                    .append(',').append(g.entitlement()).append(',').append(LocalStack.ACCOUNT).append(',')
                    .append(g.roleArn()).append(',').append(start).append(',').append(end).append(",false,ACTIVE\n");
        }
        copy("broker", "copy access_grant (id, request_id, identity, entitlement, account_id, role_arn, starts_at, "
                + "ends_at, break_glass, status) from stdin with (format csv)", csv);
    }

    /** The same grants in lifecycle's {@code grant_schedule}, ACTIVE until {@code end} (COPY). */
    public void seedSchedule(List<SeededGrant> grants, Instant end) throws SQLException, IOException {
        StringBuilder csv = new StringBuilder(grants.size() * 160);
        Instant now = Instant.now();
        for (SeededGrant g : grants) {
            csv.append(g.id()).append(',').append(g.identity()).append(',').append(g.entitlement()).append(',')
                    .append(g.roleArn()).append(',').append(end).append(",ACTIVE,").append(now).append('\n');
        }
        copy("lifecycle", "copy grant_schedule (grant_id, identity, entitlement, role_arn, ends_at, status, updated_at) "
                + "from stdin with (format csv)", csv);
    }

    /**
     * One revoke command per grant in lifecycle's transactional outbox, exactly as lifecycle's expiry sweep wrote them
     * before it batched them ({@code REVOKE_GRANT}, subject the grant's holder); lifecycle's relay sends them on.
     */
    public void queueOneByOneRevocations(List<SeededGrant> grants, String source, String requestedBy) throws SQLException, IOException {
        EventCodec codec = new EventCodec();
        StringBuilder csv = new StringBuilder(grants.size() * 600);
        Instant now = Instant.now();
        for (SeededGrant g : grants) {
            CloudEvent event = CloudEvent.create(EventTypes.REVOKE_GRANT, source, g.identity(),
                    new RevokeGrant(g.id(), "expired", requestedBy), now, codec);
            csv.append(event.id()).append(',').append(EventTypes.REVOKE_GRANT.address()).append(',')
                    .append(EventTypes.REVOKE_GRANT.type()).append(',').append(quoted(g.identity())).append(',')
                    .append(quoted(codec.encode(event))).append(',').append(now).append('\n');
        }
        copy("lifecycle", "copy outbox_event (event_id, address, type, subject, envelope, created_at) "
                + "from stdin with (format csv)", csv);
    }

    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private void copy(String database, String sql, CharSequence csv) throws SQLException, IOException {
        try (Connection c = open(database)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
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

    /**
     * What the broker records when it issues a session for a grant (when its last session ends), for a session the
     * bench opened itself with {@link AwsSessions#assumeRole} (one hour): a role-wide revocation spares such grants.
     */
    public void sessionIssued(String grantId) throws SQLException {
        update("broker", "update access_grant set sessions_until = now() + interval '1 hour' where id = ?", grantId);
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

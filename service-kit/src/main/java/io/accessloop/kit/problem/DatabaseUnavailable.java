package io.accessloop.kit.problem;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

import java.net.ConnectException;
import java.util.Set;

/** Whether a failure comes from the database being out of reach rather than from the request. */
final class DatabaseUnavailable {

    /**
     * SQLSTATEs of a refused or dropped connection: class 08 (connection exception), 57P01–57P03 (the server shuts
     * down or does not accept connections yet) and 53300 (too many connections); 55000 only as PostgreSQL answers it
     * for a database that does not currently accept connections (the state has other, unrelated uses).
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedConnectionException) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || STATES.contains(pg.getSqlState())
                    || pg.getSqlState().equals("55000") && String.valueOf(pg.getErrorMessage())
                            .contains("not currently accepting connections"))) {
                return true;
            }
        }
        return false;
    }
}

package lu.ccss.guichet.platform.persistence;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * The one rule that tells a failure of the database that will pass (the server restarting, the connection lost, a
 * deadlock or serialization conflict, the pool exhausted) from a failure of the work itself. A transient failure is
 * tried again — an event is not dead-lettered, a request answers 503 with Retry-After — because the same work will
 * succeed once the database is back.
 */
public final class TransientFailures {

    /**
     * SQLState classes and codes that pass: 08 connection exception, 40001 serialization failure, 40P01 deadlock,
     * 53 insufficient resources, 57P01–57P03 the server shutting down or starting (PostgreSQL's codes).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53");
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "57P01", "57P02", "57P03");

    /** Causes and suppressed exceptions looked at, at most (a cycle or a pathological chain ends there). */
    private static final int MAX_DEPTH = 64;

    private TransientFailures() {
    }

    /**
     * Looks through the causes and the suppressed exceptions: a commit that fails because PostgreSQL is going down
     * arrives as a {@code RollbackException} whose cause chain says nothing, the driver's 57P01 being suppressed
     * under the {@code XAException} of the commit (the chaos test dead-lettered an event on it).
     */
    public static boolean isTransient(Throwable failure) {
        return isTransient(failure, 0);
    }

    private static boolean isTransient(Throwable failure, int depth) {
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause() == t ? null : t.getCause()) {
            depth++;
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && (isTransientState(sql.getSQLState()) || isPoolTimeout(sql))) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isTransient(suppressed, depth)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isTransientState(String sqlState) {
        return sqlState != null && sqlState.length() >= 2
                && (TRANSIENT_STATES.contains(sqlState) || TRANSIENT_CLASSES.contains(sqlState.substring(0, 2)));
    }

    /**
     * Agroal says "no connection in time" with a plain SQLException and no state, in two wordings ("Acquisition
     * timeout while waiting for new connection", "Sorry, acquisition timeout!"): its message is all there is.
     */
    private static boolean isPoolTimeout(SQLException e) {
        return e.getSQLState() == null && e.getMessage() != null
                && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout");
    }
}

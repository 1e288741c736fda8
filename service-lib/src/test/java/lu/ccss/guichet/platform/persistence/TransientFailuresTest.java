package lu.ccss.guichet.platform.persistence;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransientFailuresTest {

    @Test
    void aLostConnectionAServerShuttingDownADeadlockAndAnEmptyPoolPass() {
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("refused", "08001"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("I/O error", "08006"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("terminating connection", "57P01"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("could not serialize", "40001"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("too many clients", "53300"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLTransientConnectionException("gone"))));
        assertTrue(TransientFailures.isTransient(wrapped(
                new SQLException("Acquisition timeout while waiting for new connection"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void aBrokenRuleOrABugDoesNotPass() {
        assertFalse(TransientFailures.isTransient(wrapped(new SQLException("duplicate key", "23505"))));
        assertFalse(TransientFailures.isTransient(wrapped(new SQLException("value too long", "22001"))));
        assertFalse(TransientFailures.isTransient(new IllegalArgumentException("poison")));
        assertFalse(TransientFailures.isTransient(wrapped(new SQLException("no state"))));
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new IllegalStateException("handler failed", new PersistenceException("JDBC", cause));
    }
}

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
    void aCommitRefusedBecausePostgresIsGoingDownPassesThoughOnlyASuppressedExceptionSaysSo() {
        // As Narayana reports it: RollbackException, the driver's 57P01 suppressed under the commit's XAException.
        Exception commit = new Exception("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        commit.addSuppressed(xa);
        assertTrue(TransientFailures.isTransient(new IllegalStateException("Error invoking subclass method", commit)));
    }

    @Test
    void aBrokenRuleOrABugDoesNotPass() {
        assertFalse(TransientFailures.isTransient(wrapped(new SQLException("duplicate key", "23505"))));
        assertFalse(TransientFailures.isTransient(wrapped(new SQLException("value too long", "22001"))));
        assertFalse(TransientFailures.isTransient(new IllegalArgumentException("poison")));
        assertFalse(TransientFailures.isTransient(wrapped(new SQLException("no state"))));
        Exception suppressedBug = new IllegalStateException("handler failed");
        suppressedBug.addSuppressed(new SQLException("duplicate key", "23505"));
        assertFalse(TransientFailures.isTransient(suppressedBug));
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new IllegalStateException("handler failed", new PersistenceException("JDBC", cause));
    }
}

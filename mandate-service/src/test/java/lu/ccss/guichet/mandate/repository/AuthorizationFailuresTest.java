package lu.ccss.guichet.mandate.repository;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import lu.ccss.guichet.platform.persistence.TransientFailures;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reactive client's failures reach TransientFailures as the JDBC driver's would: what passes answers 503. */
class AuthorizationFailuresTest {

    @Test
    void theDatabaseOutOfReachPasses() {
        assertTrue(passes(new ConnectException("Connection refused: localhost/127.0.0.1:5432")));
    }

    @Test
    void theServerShuttingDownPasses() {
        assertTrue(passes(new PgException("terminating connection due to administrator command", "FATAL",
                "57P01", null)));
    }

    @Test
    void aLostConnectionOrNoPooledConnectionInTimePasses() {
        assertTrue(passes(ClosedConnectionException.INSTANCE));
        assertTrue(passes(new TimeoutException("Timeout")));
    }

    @Test
    void aFaultOfTheServiceItselfDoesNotPass() {
        assertFalse(passes(new IllegalArgumentException("a bug, not the database")));
    }

    @Test
    void aRefusedQueryDoesNotPass() {
        assertFalse(passes(new PgException("relation \"mandate\" does not exist", "ERROR", "42P01", null)));
    }

    /** Whether the failure, as the repository reports it, passes as the database being out of reach (503). */
    private static boolean passes(Throwable failure) {
        return TransientFailures.isTransient(AuthorizationRepository.asSqlException(failure));
    }
}

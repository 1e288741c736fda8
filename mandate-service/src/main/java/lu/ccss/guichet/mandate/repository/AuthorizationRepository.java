package lu.ccss.guichet.mandate.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.Domain;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * The authorization answer's read, through the reactive PostgreSQL client on the event loop: the one query of the
 * platform's hot path, without a worker thread, a JDBC connection or Hibernate. Same table, same database, same
 * committed state as {@link MandateRepository}; it only reads.
 */
@ApplicationScoped
public class AuthorizationRepository {

    private static final String ACTIVE = "select capacity, granted_at, expires_at from mandate "
            + "where employer = $1 and domain = $2 and space_id = $3 and ended_at is null";

    private final Pool pool;

    public AuthorizationRepository(Pool pool) {
        this.pool = pool;
    }

    /** What the authorization answer needs of an active mandate. */
    public record Authorization(Capacity capacity, Instant grantedAt, Instant expiresAt) {
    }

    /**
     * The space's active mandates for the employer and domain (at most one per capacity), in one indexed query
     * (mandate_one_active).
     */
    public Uni<List<Authorization>> active(UUID spaceId, String employer, Domain domain) {
        return pool.preparedQuery(ACTIVE).execute(Tuple.of(employer, domain.name(), spaceId))
                .onFailure().transform(AuthorizationRepository::asSqlException)
                .map(AuthorizationRepository::authorizations);
    }

    private static List<Authorization> authorizations(Iterable<Row> rows) {
        List<Authorization> found = new ArrayList<>(2);
        for (Row row : rows) {
            found.add(new Authorization(Capacity.valueOf(row.getString(0)), instant(row, 1), instant(row, 2)));
        }
        return found;
    }

    /**
     * The reactive client's failures as the JDBC driver reports them, so that the one rule of
     * {@code TransientFailures} decides what passes (503 with Retry-After): PostgreSQL's own refusals keep their
     * SQLState; the connection refused or lost ({@code IOException}, Vert.x's {@code VertxException}) or no pooled
     * connection in time ({@code TimeoutException}) mean the database is out of reach; anything else is left as it
     * is (a 500 with an incident).
     */
    static Throwable asSqlException(Throwable failure) {
        if (failure instanceof PgException refused) {
            return new SQLException("PostgreSQL refused the authorization query", refused.getSqlState(), refused);
        }
        if (failure instanceof IOException || failure instanceof VertxException
                || failure instanceof TimeoutException) {
            return new SQLTransientConnectionException("The authorization query did not reach PostgreSQL", "08006",
                    failure);
        }
        return failure;
    }

    private static Instant instant(Row row, int column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}

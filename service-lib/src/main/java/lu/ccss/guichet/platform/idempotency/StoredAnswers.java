package lu.ccss.guichet.platform.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.platform.idempotency.RequestFingerprints.Fingerprint;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The table {@code idempotency_key}: one row per caller, operation and key, for the retention period. */
@ApplicationScoped
public class StoredAnswers {

    /** The first key of the two-key advisory locks taken here, apart from every other lock of the platform. */
    private static final int LOCK_CLASS = 0x69646d70;

    /** A stored answer and the fingerprint of the request it answered. */
    record Row(Fingerprint fingerprint, StoredAnswer answer) {
    }

    private final EntityManager entityManager;
    private final Duration retention;

    public StoredAnswers(EntityManager entityManager, IdempotencyConfig config) {
        this.entityManager = entityManager;
        this.retention = config.retention();
    }

    /**
     * Takes the key for the current transaction, or answers false at once when another transaction holds it: a
     * request with the same key is in progress. Released when the transaction ends, after its row is visible.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean tryLock(IdempotentRequest request) {
        return Boolean.TRUE.equals(entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, LOCK_CLASS).setParameter(2, request.lockName()).getSingleResult());
    }

    /** The answer stored for this key within the retention period. */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<Row> find(IdempotentRequest request) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("select fingerprint, key_id, status, location, "
                        + "media_type, body from idempotency_key where caller = ?1 and operation = ?2 "
                        + "and client_key = ?3 and created_at > ?4", Tuple.class)
                .setParameter(1, request.caller()).setParameter(2, request.operation()).setParameter(3, request.key())
                .setParameter(4, Instant.now().minus(retention))
                .getResultList();
        return rows.stream().findFirst().map(row -> new Row(
                new Fingerprint(row.get("key_id", String.class), row.get("fingerprint", String.class)),
                new StoredAnswer(((Number) row.get("status")).intValue(), row.get("location", String.class),
                        row.get("media_type", String.class), row.get("body", String.class))));
    }

    /**
     * Stores the answer in the current transaction, over an expired row of the same key if there is one. Answers
     * false, storing nothing, when a row within the retention period holds the key.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean save(IdempotentRequest request, Fingerprint fingerprint, StoredAnswer answer) {
        Instant now = Instant.now();
        return entityManager.createNativeQuery("insert into idempotency_key (caller, operation, client_key, "
                        + "fingerprint, key_id, status, location, media_type, body, created_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                        + "on conflict (caller, operation, client_key) do update set fingerprint = excluded.fingerprint, "
                        + "key_id = excluded.key_id, status = excluded.status, location = excluded.location, "
                        + "media_type = excluded.media_type, body = excluded.body, created_at = excluded.created_at "
                        + "where idempotency_key.created_at <= ?11")
                .setParameter(1, request.caller()).setParameter(2, request.operation()).setParameter(3, request.key())
                .setParameter(4, fingerprint.hmac()).setParameter(5, fingerprint.keyId())
                .setParameter(6, answer.status()).setParameter(7, answer.location())
                .setParameter(8, answer.mediaType()).setParameter(9, answer.body())
                .setParameter(10, now).setParameter(11, now.minus(retention))
                .executeUpdate() == 1;
    }

    /** Deletes the rows older than the retention period; returns how many. */
    @Transactional
    public int deleteExpired() {
        return entityManager.createNativeQuery("delete from idempotency_key where created_at <= ?1")
                .setParameter(1, Instant.now().minus(retention))
                .executeUpdate();
    }
}

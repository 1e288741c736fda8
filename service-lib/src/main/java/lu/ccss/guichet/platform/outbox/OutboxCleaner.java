package lu.ccss.guichet.platform.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;

/**
 * Deletes published outbox rows once they are older than the retention period (default 7 days): the broker holds
 * the events, and some payloads (documents) are large. Pending rows are never deleted.
 */
@ApplicationScoped
public class OutboxCleaner {

    private final EntityManager entityManager;
    private final Duration retention;

    public OutboxCleaner(EntityManager entityManager, OutboxConfig config) {
        this.entityManager = entityManager;
        this.retention = config.retention();
    }

    @Scheduled(every = "${guichet.outbox.cleanup-interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledCleanup() {
        deletePublishedBefore();
    }

    /** Deletes the published rows older than the retention; returns how many. */
    @Transactional
    public int deletePublishedBefore() {
        return entityManager.createNativeQuery(
                        "delete from outbox_event where published_at is not null and published_at < ?1")
                .setParameter(1, Instant.now().minus(retention))
                .executeUpdate();
    }
}

package lu.ccss.guichet.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How far the relay is behind, on {@code /q/metrics}: {@code guichet_outbox_pending_events} (rows not yet
 * acknowledged by the broker) and {@code guichet_outbox_oldest_pending_age_seconds} (how long the oldest of them has
 * waited; 0 when none). Measured every poll interval rather than on each scrape, so a scrape never waits for the
 * database; while the database cannot be reached the last measure stays and the age keeps growing.
 */
@ApplicationScoped
public class OutboxLag {

    private static final Logger LOG = Logger.getLogger(OutboxLag.class);

    private final EntityManager entityManager;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<Instant> oldest = new AtomicReference<>();

    public OutboxLag(EntityManager entityManager, MeterRegistry metrics) {
        this.entityManager = entityManager;
        Gauge.builder("guichet.outbox.pending.events", pending, AtomicLong::get)
                .description("Outbox rows not yet acknowledged by the broker").register(metrics);
        Gauge.builder("guichet.outbox.oldest.pending.age", this, OutboxLag::oldestAgeSeconds).baseUnit("seconds")
                .description("How long the oldest unpublished outbox row has waited").register(metrics);
    }

    @Scheduled(every = "${guichet.outbox.poll-interval}", skipExecutionIf = AfterStartup.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledMeasure() {
        try {
            measure();
        } catch (RuntimeException e) {
            LOG.debugf("Outbox lag not measured: %s", e.toString());
        }
    }

    /** Reads the pending rows' count and oldest time. */
    public void measure() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "select count(*), min(occurred_at) from outbox_event where published_at is null").getSingleResult());
        pending.set(((Number) row[0]).longValue());
        oldest.set(row[1] == null ? null : instant(row[1]));
    }

    double oldestAgeSeconds() {
        Instant since = oldest.get();
        return since == null ? 0 : Math.max(0, (System.currentTimeMillis() - since.toEpochMilli()) / 1000.0);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("unexpected occurred_at type " + value.getClass());
    }
}

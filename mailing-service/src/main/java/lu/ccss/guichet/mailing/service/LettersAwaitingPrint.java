package lu.ccss.guichet.mailing.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Letters rendered and waiting for the next print batch (status GENERATED), on {@code /q/metrics} as
 * {@code guichet_letters_awaiting_print}. Counted every 30 seconds rather than at each scrape, so a scrape never
 * waits for the database; every replica reports the same count (take the max, not the sum).
 */
@Startup
@ApplicationScoped
public class LettersAwaitingPrint {

    private static final Logger LOG = Logger.getLogger(LettersAwaitingPrint.class);

    private final EntityManager entityManager;
    private final AtomicLong waiting = new AtomicLong();

    public LettersAwaitingPrint(EntityManager entityManager, MeterRegistry registry) {
        this.entityManager = entityManager;
        Gauge.builder("guichet.letters.awaiting.print", waiting, AtomicLong::get)
                .description("Letters rendered, waiting for a print batch").register(registry);
    }

    @Scheduled(every = "30s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledMeasure() {
        try {
            measure();
        } catch (RuntimeException e) {
            LOG.debugf("Letters awaiting print not counted: %s", e.toString());
        }
    }

    /** Counts the letters waiting now; returns the count. */
    public long measure() {
        long count = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from letter where status = 'GENERATED'").getSingleResult()).longValue());
        waiting.set(count);
        return count;
    }
}

package lu.ccss.guichet.mandate.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.events.MandateEvents.RevocationReason;
import lu.ccss.guichet.mandate.domain.Times;
import lu.ccss.guichet.mandate.repository.MandateRepository;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Ends agent mandates whose end date has come ({@code EXPIRED}). The authorization answer already says no from the
 * first instant of the end day; this job makes it a fact others hear of (MandateRevoked), every
 * {@code guichet.mandates.expiry-check}.
 */
@ApplicationScoped
public class MandateExpiry {

    static final String ACTOR = "system:mandate-service";
    private static final Logger LOG = Logger.getLogger(MandateExpiry.class);
    private static final int BATCH = 200;

    private final MandateRepository mandates;
    private final MandateEnding ending;

    public MandateExpiry(MandateRepository mandates, MandateEnding ending) {
        this.mandates = mandates;
        this.ending = ending;
    }

    @Scheduled(every = "${guichet.mandates.expiry-check:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int ended;
        do {
            ended = endExpiredMandates();
        } while (ended == BATCH);
    }

    /** Ends up to one batch of expired mandates; returns how many it ended. */
    @Transactional
    public int endExpiredMandates() {
        Instant now = Times.now();
        int ended = 0;
        for (MandateRepository.Key expired : mandates.expired(now, BATCH)) {
            if (ending.endIfActive(expired, RevocationReason.EXPIRED, ACTOR, now)) {
                ended++;
            }
        }
        if (ended > 0) {
            LOG.infof("Ended %d expired agent mandate(s)", ended);
        }
        return ended;
    }
}

package lu.ccss.guichet.certification.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.certification.config.CertificationConfig;
import lu.ccss.guichet.certification.domain.CertificationRequest;
import lu.ccss.guichet.certification.domain.TimelineKind;
import lu.ccss.guichet.certification.repository.CertificationRequestRepository;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/**
 * Expires open requests (draft, confirmed or signed, never transmitted) that nobody changed for
 * {@code guichet.certification.draft-ttl} (30 days): they stop blocking a new request for the same employer, and
 * their security-code hash is erased.
 */
@ApplicationScoped
public class DraftExpiry {

    private static final Logger LOG = Logger.getLogger(DraftExpiry.class);
    private static final int BATCH = 500;

    private final CertificationRequestRepository requests;
    private final Timeline timeline;
    private final CertificationConfig config;

    public DraftExpiry(CertificationRequestRepository requests, Timeline timeline, CertificationConfig config) {
        this.requests = requests;
        this.timeline = timeline;
        this.config = config;
    }

    @Scheduled(every = "${guichet.certification.expiry-check:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        forgetOldSecurityCodeHashing();
        int expired;
        do {
            expired = expireUntouchedRequests();
        } while (expired == BATCH);
    }

    /** The per-person count of security codes hashed only looks back an hour: older rows serve nothing. */
    @Transactional
    public void forgetOldSecurityCodeHashing() {
        requests.getEntityManager().createNativeQuery("delete from security_code_hashing where saved_at < ?1")
                .setParameter(1, Instant.now().minus(java.time.Duration.ofDays(1)))
                .executeUpdate();
    }

    /** Expires up to one batch of untouched open requests; returns how many expired. */
    @Transactional
    public int expireUntouchedRequests() {
        Instant now = Instant.now();
        Instant untouchedSince = now.minus(config.draftTtl());
        int expired = 0;
        for (UUID id : requests.untouchedSince(untouchedSince, BATCH)) {
            CertificationRequest request = requests.findForUpdate(id).orElse(null);
            // Re-checked under the lock: the filer may have saved a step since the query.
            if (request != null && request.state.isOpen() && request.updatedAt.isBefore(untouchedSince)) {
                request.expire(now);
                timeline.record(request.id, TimelineKind.EXPIRED, now, null);
                expired++;
            }
        }
        if (expired > 0) {
            LOG.infof("Expired %d certification request(s) untouched since %s", expired, untouchedSince);
        }
        return expired;
    }
}

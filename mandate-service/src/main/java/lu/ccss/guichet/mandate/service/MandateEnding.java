package lu.ccss.guichet.mandate.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MandateEvents.MandateRevoked;
import lu.ccss.guichet.events.MandateEvents.RevocationReason;
import lu.ccss.guichet.mandate.domain.AuditAction;
import lu.ccss.guichet.mandate.domain.AuditEntry;
import lu.ccss.guichet.mandate.domain.AuditOutcome;
import lu.ccss.guichet.mandate.domain.Mandate;
import lu.ccss.guichet.mandate.repository.MandateRepository;
import lu.ccss.guichet.platform.logging.Redacted;
import lu.ccss.guichet.platform.outbox.Outbox;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/** Ends mandates: the change, its MandateRevoked event and its audit entry, in the caller's transaction. */
@ApplicationScoped
public class MandateEnding {

    private static final Logger LOG = Logger.getLogger(MandateEnding.class);

    /** Mandate events are keyed by employer registration number. */
    static final String AGGREGATE = "employer";

    private final MandateRepository mandates;
    private final Outbox outbox;
    private final AuditTrail audit;

    public MandateEnding(MandateRepository mandates, Outbox outbox, AuditTrail audit) {
        this.mandates = mandates;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void end(Mandate mandate, RevocationReason reason, String by, Instant now) {
        end(mandate, reason, null, by, now);
    }

    /**
     * Ends the mandate for {@code reason} if it is still active once locked (another instance, a replacement or a
     * withdrawal may have ended it since it was read); returns whether it ended it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean endIfActive(MandateRepository.Key key, RevocationReason reason, String by, Instant now) {
        mandates.lockMandate(key.employer(), key.domain(), key.capacity());
        Mandate mandate = mandates.lockById(key.id()).orElseThrow();
        if (!mandate.isActive()) {
            return false;
        }
        end(mandate, reason, null, by, now);
        return true;
    }

    /** Ends {@code mandate} because a new certification of {@code successorSpaceId} replaces it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(Mandate mandate, UUID successorSpaceId, String by, Instant now) {
        end(mandate, RevocationReason.REPLACED, successorSpaceId, by, now);
    }

    private void end(Mandate mandate, RevocationReason reason, UUID successorSpaceId, String by, Instant now) {
        mandate.end(reason, by, now);
        // Written at once: a replacing certification inserted in the same flush must not meet this one still active.
        mandates.flush();
        outbox.record(EventTypes.MANDATE_REVOKED, AGGREGATE, mandate.employer,
                new MandateRevoked(mandate.id, mandate.spaceId, mandate.employer, mandate.domain, mandate.capacity,
                        reason, successorSpaceId, now));
        LOG.infof("Mandate %s of space %s for employer %s, %s, as %s ended: %s", mandate.id, mandate.spaceId,
                Redacted.registrationNumber(mandate.employer), mandate.domain, mandate.capacity, reason);
        audit.record(AuditEntry.of(by, AuditAction.MANDATE_REVOKED, AuditOutcome.SUCCESS).mandate(mandate)
                .detail(reason.name()));
    }
}

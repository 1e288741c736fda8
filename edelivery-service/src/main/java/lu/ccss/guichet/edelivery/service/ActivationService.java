package lu.ccss.guichet.edelivery.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.edelivery.domain.EDeliveryStatus;
import lu.ccss.guichet.edelivery.repository.ActivationRepository;
import lu.ccss.guichet.edelivery.repository.InboxRepository;
import lu.ccss.guichet.events.EDeliveryEvents;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MandateEvents;
import lu.ccss.guichet.events.SpaceEvents;
import lu.ccss.guichet.platform.logging.Redacted;
import lu.ccss.guichet.platform.mandates.MandateEnded;
import lu.ccss.guichet.platform.mandates.MandateProjection;
import lu.ccss.guichet.platform.membership.SpaceAccess;
import lu.ccss.guichet.platform.outbox.Outbox;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** eDelivery is switched on by the first use of a domain, once per space, employer and domain. */
@ApplicationScoped
public class ActivationService {

    static final String SPACE_AGGREGATE = "space";
    private static final Logger LOG = Logger.getLogger(ActivationService.class);

    private final ActivationRepository activations;
    private final SpaceAccess access;
    private final Outbox outbox;
    private final MandateProjection mandates;
    private final InboxRepository inbox;

    public ActivationService(ActivationRepository activations, SpaceAccess access, Outbox outbox,
                             MandateProjection mandates, InboxRepository inbox) {
        this.activations = activations;
        this.access = access;
        this.outbox = outbox;
        this.mandates = mandates;
        this.inbox = inbox;
    }

    /**
     * Runs in the inbox's transaction. The activation's key, not only the event id, makes it once: a second
     * DomainFirstUsed for the same space, employer and domain (another event id) changes nothing, and neither does one
     * for a triple whose eDelivery stopped: once stopped it stays stopped (the space-service publishes DomainFirstUsed
     * once per triple, so there is no later "use" to switch it on again; documents go by post, or to the inbox of the
     * space that holds the mandate now).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onDomainFirstUsed(SpaceEvents.DomainFirstUsed firstUse) {
        Instant now = Instant.now();
        if (activations.activate(firstUse, now)) {
            outbox.record(EventTypes.EDELIVERY_ACTIVATED, SPACE_AGGREGATE, firstUse.spaceId(),
                    new EDeliveryEvents.EDeliveryActivated(firstUse.spaceId(), firstUse.employer(), firstUse.domain(),
                            now));
        }
    }

    /**
     * eDelivery follows the mandate. Observes the mandate projection's {@link MandateEnded}, fired in the transaction
     * that records the {@code MandateRevoked} (the projection row is already updated): when the space no longer holds
     * any mandate, as holder or agent, for that employer and domain, its eDelivery for them stops (the row stays,
     * with when and why), its access to their inbox documents ends, and {@code EDeliveryStopped} is recorded in the
     * outbox of the same transaction. A space that still holds another mandate for the triple keeps everything.
     * Idempotent: a triple already stopped, or never on, changes nothing and publishes nothing.
     */
    void onMandateEnded(@Observes MandateEnded ended) {
        MandateEvents.MandateRevoked revoked = ended.revoked();
        if (mandates.isCertified(revoked.spaceId(), revoked.employer(), revoked.domain())) {
            return;
        }
        Instant now = Instant.now();
        if (!activations.stop(revoked.spaceId(), revoked.employer(), revoked.domain(), revoked.reason(), now)) {
            return;
        }
        int hidden = inbox.endAccess(revoked.spaceId(), revoked.employer(), revoked.domain(), now);
        outbox.record(EventTypes.EDELIVERY_STOPPED, SPACE_AGGREGATE, revoked.spaceId(),
                new EDeliveryEvents.EDeliveryStopped(revoked.spaceId(), revoked.employer(), revoked.domain(),
                        revoked.reason(), now));
        LOG.infof("eDelivery stopped for space %s, employer %s, domain %s (mandate %s %s); %d inbox documents hidden",
                revoked.spaceId(), Redacted.registrationNumber(revoked.employer()), revoked.domain(),
                revoked.certificationId(), revoked.reason(),
                hidden);
    }

    /** For a member of the space: per employer and domain, whether eDelivery is on and since when. */
    @Transactional
    public List<EDeliveryStatus> statusOf(UUID spaceId) {
        access.requireMember(spaceId);
        return activations.statusOf(spaceId);
    }
}

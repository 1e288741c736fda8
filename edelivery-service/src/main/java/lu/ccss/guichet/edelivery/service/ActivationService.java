package lu.ccss.guichet.edelivery.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.edelivery.domain.EDeliveryStatus;
import lu.ccss.guichet.edelivery.repository.ActivationRepository;
import lu.ccss.guichet.events.EDeliveryEvents;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.SpaceEvents;
import lu.ccss.guichet.platform.membership.SpaceAccess;
import lu.ccss.guichet.platform.outbox.Outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** eDelivery is switched on by the first use of a domain, once per space, employer and domain. */
@ApplicationScoped
public class ActivationService {

    static final String SPACE_AGGREGATE = "space";

    private final ActivationRepository activations;
    private final SpaceAccess access;
    private final Outbox outbox;

    public ActivationService(ActivationRepository activations, SpaceAccess access, Outbox outbox) {
        this.activations = activations;
        this.access = access;
        this.outbox = outbox;
    }

    /**
     * Runs in the inbox's transaction. The activation's key, not only the event id, makes it once: a second
     * DomainFirstUsed for the same space, employer and domain (another event id) changes nothing.
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

    /** For a member of the space: per employer and domain, whether eDelivery is on and since when. */
    @Transactional
    public List<EDeliveryStatus> statusOf(UUID spaceId) {
        access.requireMember(spaceId);
        return activations.statusOf(spaceId);
    }
}

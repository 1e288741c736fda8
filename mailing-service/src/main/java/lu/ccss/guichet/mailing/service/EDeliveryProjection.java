package lu.ccss.guichet.mailing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.EDeliveryEvents.EDeliveryActivated;
import lu.ccss.guichet.events.EDeliveryEvents.EDeliveryStopped;
import lu.ccss.guichet.events.SpaceEvents.DomainFirstUsed;
import lu.ccss.guichet.mailing.repository.EDeliveryActivationRepository;
import lu.ccss.guichet.platform.inbound.InvalidEventException;

import java.time.Instant;
import java.util.UUID;

/**
 * Remembers where eDelivery is on. eDelivery of a domain switches on with the space's first use of it: the
 * mailing-service learns that from the space-service's DomainFirstUsed, in the same hop as the edelivery-service,
 * rather than one hop later from the edelivery-service's EDeliveryActivated (which still counts, whichever comes
 * first). A document sent once the space shows eDelivery active then no longer goes by post because this service
 * had not heard yet. EDeliveryStopped (the space lost its mandate) switches the route off for good.
 */
@ApplicationScoped
public class EDeliveryProjection {

    private final EDeliveryActivationRepository activations;

    public EDeliveryProjection(EDeliveryActivationRepository activations) {
        this.activations = activations;
    }

    @Transactional
    public void onActivated(EDeliveryActivated event) {
        activate("EDeliveryActivated", event.spaceId(), event.employer(), event.domain(), event.activatedAt());
    }

    /** The space lost its mandate: documents no longer go to its inbox. */
    @Transactional
    public void onStopped(EDeliveryStopped event) {
        if (event.spaceId() == null || event.employer() == null || event.domain() == null || event.reason() == null
                || event.stoppedAt() == null) {
            throw new InvalidEventException("EDeliveryStopped needs spaceId, employer, domain, reason and stoppedAt");
        }
        activations.stop(event.spaceId(), event.employer(), event.domain(), event.reason(), event.stoppedAt());
    }

    @Transactional
    public void onDomainFirstUsed(DomainFirstUsed event) {
        activate("DomainFirstUsed", event.spaceId(), event.employer(), event.domain(), event.firstUsedAt());
    }

    private void activate(String type, UUID spaceId, String employer, Domain domain, Instant at) {
        if (spaceId == null || employer == null || domain == null || at == null) {
            throw new InvalidEventException(type + " needs spaceId, employer, domain and its time");
        }
        activations.activate(spaceId, employer, domain, at);
    }
}

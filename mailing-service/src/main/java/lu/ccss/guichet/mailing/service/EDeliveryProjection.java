package lu.ccss.guichet.mailing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.events.EDeliveryEvents.EDeliveryActivated;
import lu.ccss.guichet.mailing.domain.EDeliveryActivation;
import lu.ccss.guichet.mailing.repository.EDeliveryActivationRepository;
import lu.ccss.guichet.platform.inbox.InvalidEventException;

/** Remembers where eDelivery is on, from the edelivery-service's EDeliveryActivated. */
@ApplicationScoped
public class EDeliveryProjection {

    private final EDeliveryActivationRepository activations;

    public EDeliveryProjection(EDeliveryActivationRepository activations) {
        this.activations = activations;
    }

    @Transactional
    public void onActivated(EDeliveryActivated event) {
        if (event.spaceId() == null || event.employer() == null || event.domain() == null
                || event.activatedAt() == null) {
            throw new InvalidEventException("EDeliveryActivated needs spaceId, employer, domain and activatedAt");
        }
        if (!activations.isActive(event.spaceId(), event.employer(), event.domain())) {
            activations.persist(EDeliveryActivation.of(event.spaceId(), event.employer(), event.domain(),
                    event.activatedAt()));
        }
    }
}

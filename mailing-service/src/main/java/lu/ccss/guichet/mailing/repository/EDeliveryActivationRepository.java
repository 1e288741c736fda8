package lu.ccss.guichet.mailing.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.mailing.domain.EDeliveryActivation;

import java.util.UUID;

@ApplicationScoped
public class EDeliveryActivationRepository
        implements PanacheRepositoryBase<EDeliveryActivation, EDeliveryActivation.Key> {

    public boolean isActive(UUID spaceId, String employer, Domain domain) {
        return findByIdOptional(new EDeliveryActivation.Key(spaceId, employer, domain)).isPresent();
    }
}

package lu.ccss.guichet.mailing.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.mailing.domain.EDeliveryActivation;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class EDeliveryActivationRepository
        implements PanacheRepositoryBase<EDeliveryActivation, EDeliveryActivation.Key> {

    public boolean isActive(UUID spaceId, String employer, Domain domain) {
        return findByIdOptional(new EDeliveryActivation.Key(spaceId, employer, domain)).isPresent();
    }

    /**
     * Records that eDelivery is on, keeping the earliest time. Two channels (DomainFirstUsed, EDeliveryActivated)
     * may record the same activation at the same moment: an upsert, not a check followed by an insert.
     */
    public void activate(UUID spaceId, String employer, Domain domain, Instant activatedAt) {
        getEntityManager().createNativeQuery("insert into edelivery_activation (space_id, employer, domain, "
                        + "activated_at) values (?1, ?2, ?3, ?4) on conflict (space_id, employer, domain) do update "
                        + "set activated_at = least(edelivery_activation.activated_at, excluded.activated_at)")
                .setParameter(1, spaceId)
                .setParameter(2, employer)
                .setParameter(3, domain.name())
                .setParameter(4, activatedAt)
                .executeUpdate();
    }
}

package lu.ccss.guichet.mailing.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.MandateEvents;
import lu.ccss.guichet.mailing.domain.EDeliveryActivation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EDeliveryActivationRepository
        implements PanacheRepositoryBase<EDeliveryActivation, EDeliveryActivation.Key> {

    /** On and not stopped. */
    public boolean isActive(UUID spaceId, String employer, Domain domain) {
        return findByIdOptional(new EDeliveryActivation.Key(spaceId, employer, domain))
                .filter(a -> a.stoppedAt == null).isPresent();
    }

    /**
     * Where a document of the employer and domain goes by eDelivery: the named space if its eDelivery is on;
     * otherwise the space whose eDelivery for them is on (the one holding the mandate now), the most recently
     * activated if several; empty: by post.
     */
    public Optional<UUID> inboxFor(UUID spaceId, String employer, Domain domain) {
        if (isActive(spaceId, employer, domain)) {
            return Optional.of(spaceId);
        }
        List<?> spaces = getEntityManager().createNativeQuery("select space_id from edelivery_activation "
                        + "where employer = ?1 and domain = ?2 and stopped_at is null "
                        + "order by activated_at desc, space_id limit 1")
                .setParameter(1, employer)
                .setParameter(2, domain.name())
                .getResultList();
        return spaces.stream().findFirst().map(id -> id instanceof UUID u ? u : UUID.fromString(id.toString()));
    }

    /**
     * The route is off (EDeliveryStopped). Also records a stop whose activation this service never saw, so that a
     * late DomainFirstUsed or EDeliveryActivated cannot switch it on again.
     */
    public void stop(UUID spaceId, String employer, Domain domain, MandateEvents.RevocationReason reason,
                     Instant stoppedAt) {
        getEntityManager().createNativeQuery("insert into edelivery_activation (space_id, employer, domain, "
                        + "activated_at, stopped_at, stop_reason) values (?1, ?2, ?3, ?4, ?4, ?5) "
                        + "on conflict (space_id, employer, domain) do update set stopped_at = excluded.stopped_at, "
                        + "stop_reason = excluded.stop_reason where edelivery_activation.stopped_at is null")
                .setParameter(1, spaceId)
                .setParameter(2, employer)
                .setParameter(3, domain.name())
                .setParameter(4, stoppedAt)
                .setParameter(5, reason.name())
                .executeUpdate();
    }

    /**
     * Records that eDelivery is on, keeping the earliest time. Two channels (DomainFirstUsed, EDeliveryActivated)
     * may record the same activation at the same moment: an upsert, not a check followed by an insert. A stopped
     * route stays stopped (stopped_at is left alone).
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

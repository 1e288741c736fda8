package lu.ccss.guichet.platform.certifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MandateEvents;
import lu.ccss.guichet.platform.inbox.EventHandlers;

import java.util.UUID;

/**
 * A service's copy of the mandate-service's certifications (which space acts for which employer and domain, and
 * how), fed by {@code CertificationGranted} and {@code MandateRevoked}. A service opts in by adding the Flyway
 * location {@code db/certifications} and handing {@link #handlers()} to its mandate-events consumer.
 */
@ApplicationScoped
public class CertificationProjection {

    private final EntityManager entityManager;

    public CertificationProjection(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public EventHandlers handlers() {
        return EventHandlers.create()
                .on(EventTypes.CERTIFICATION_GRANTED, this::granted)
                .on(EventTypes.MANDATE_REVOKED, this::revoked);
    }

    void granted(MandateEvents.CertificationGranted event) {
        upsert(event.certificationId(), event.spaceId(), event.employer(), event.domain(), event.capacity().name(),
                "granted_at", event.grantedAt());
    }

    /** Also records a revocation whose grant this service never saw, so that the grant cannot revive it later. */
    void revoked(MandateEvents.MandateRevoked event) {
        upsert(event.certificationId(), event.spaceId(), event.employer(), event.domain(), event.capacity().name(),
                "revoked_at", event.revokedAt());
    }

    /** Whether the space is certified, as holder or agent, for the employer and domain. */
    public boolean isCertified(UUID spaceId, String employer, Domain domain) {
        return !entityManager.createNativeQuery("select 1 from certification where space_id = ?1 and employer = ?2 "
                        + "and domain = ?3 and revoked_at is null limit 1")
                .setParameter(1, spaceId)
                .setParameter(2, employer)
                .setParameter(3, domain.name())
                .getResultList().isEmpty();
    }

    private void upsert(UUID certificationId, UUID spaceId, String employer, Domain domain, String capacity,
                        String timeColumn, java.time.Instant time) {
        entityManager.createNativeQuery("insert into certification (certification_id, space_id, employer, domain, "
                        + "capacity, " + timeColumn + ") values (?1, ?2, ?3, ?4, ?5, ?6) "
                        + "on conflict (certification_id) do update set " + timeColumn + " = excluded." + timeColumn)
                .setParameter(1, certificationId)
                .setParameter(2, spaceId)
                .setParameter(3, employer)
                .setParameter(4, domain.name())
                .setParameter(5, capacity)
                .setParameter(6, time)
                .executeUpdate();
    }
}

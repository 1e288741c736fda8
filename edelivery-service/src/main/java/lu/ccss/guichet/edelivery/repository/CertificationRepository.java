package lu.ccss.guichet.edelivery.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import lu.ccss.guichet.events.MandateEvents;

/** This service's projection of the mandate-service's certifications. */
@ApplicationScoped
public class CertificationRepository {

    private final EntityManager entityManager;

    public CertificationRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void granted(MandateEvents.CertificationGranted event) {
        entityManager.createNativeQuery("insert into certification (certification_id, space_id, employer, domain, "
                        + "capacity, granted_at) values (?1, ?2, ?3, ?4, ?5, ?6) "
                        + "on conflict (certification_id) do update set granted_at = excluded.granted_at")
                .setParameter(1, event.certificationId())
                .setParameter(2, event.spaceId())
                .setParameter(3, event.employer())
                .setParameter(4, event.domain().name())
                .setParameter(5, event.capacity().name())
                .setParameter(6, event.grantedAt())
                .executeUpdate();
    }

    /** Also records a revocation whose grant this service never saw, so that the grant cannot revive it later. */
    public void revoked(MandateEvents.MandateRevoked event) {
        entityManager.createNativeQuery("insert into certification (certification_id, space_id, employer, domain, "
                        + "capacity, revoked_at) values (?1, ?2, ?3, ?4, ?5, ?6) "
                        + "on conflict (certification_id) do update set revoked_at = excluded.revoked_at")
                .setParameter(1, event.certificationId())
                .setParameter(2, event.spaceId())
                .setParameter(3, event.employer())
                .setParameter(4, event.domain().name())
                .setParameter(5, event.capacity().name())
                .setParameter(6, event.revokedAt())
                .executeUpdate();
    }
}

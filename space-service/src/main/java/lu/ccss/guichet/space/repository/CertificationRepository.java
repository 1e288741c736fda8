package lu.ccss.guichet.space.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.MandateEvents;

import java.util.List;
import java.util.UUID;

/** This service's projection of the mandate-service's certifications (who may act for which employer, and how). */
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

    /** Whether the space is certified, as holder or agent, for the employer and domain. */
    public boolean isCertified(UUID spaceId, String employer, Domain domain) {
        return !entityManager.createNativeQuery("select 1 from certification where space_id = ?1 and employer = ?2 "
                        + "and domain = ?3 and revoked_at is null limit 1")
                .setParameter(1, spaceId)
                .setParameter(2, employer)
                .setParameter(3, domain.name())
                .getResultList().isEmpty();
    }

    /**
     * The employers that {@code holderSpaceId} holds the holder certification of and for which the person (by
     * national number hash) belongs to a space holding an agent mandate: such a person is the employer's agent and
     * cannot be added as a collaborator.
     */
    @SuppressWarnings("unchecked")
    public List<String> employersServedAsAgent(String nationalIdHash, UUID holderSpaceId) {
        return entityManager.createNativeQuery("select distinct agent.employer from person_identity p "
                        + "join space_member m on m.user_id = p.user_id "
                        + "join certification agent on agent.space_id = m.space_id and agent.capacity = 'AGENT' "
                        + "and agent.revoked_at is null "
                        + "join certification holder on holder.employer = agent.employer and holder.capacity = 'HOLDER' "
                        + "and holder.revoked_at is null "
                        + "where p.national_id_hash = ?1 and holder.space_id = ?2 order by agent.employer")
                .setParameter(1, nationalIdHash)
                .setParameter(2, holderSpaceId)
                .getResultList();
    }
}

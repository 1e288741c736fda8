package lu.ccss.guichet.space.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

/** Questions on the mandate projection (service-lib MandateProjection) that only this service asks. */
@ApplicationScoped
public class AgentMandateQueries {

    private final EntityManager entityManager;

    public AgentMandateQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The employers that {@code holderSpaceId} holds the holder mandate of and for which the person (by
     * national number hash) belongs to a space holding an agent mandate: such a person is the employer's agent and
     * cannot be added as a collaborator.
     */
    @SuppressWarnings("unchecked")
    public List<String> employersServedAsAgent(List<String> nationalIdHashes, UUID holderSpaceId) {
        return entityManager.createNativeQuery("select distinct agent.employer from person_identity p "
                        + "join space_member m on m.user_id = p.user_id "
                        + "join mandate agent on agent.space_id = m.space_id and agent.capacity = 'AGENT' "
                        + "and agent.revoked_at is null "
                        + "join mandate holder on holder.employer = agent.employer and holder.capacity = 'HOLDER' "
                        + "and holder.revoked_at is null "
                        + "where p.national_id_hash in (?1) and holder.space_id = ?2 order by agent.employer")
                .setParameter(1, nationalIdHashes)
                .setParameter(2, holderSpaceId)
                .getResultList();
    }
}

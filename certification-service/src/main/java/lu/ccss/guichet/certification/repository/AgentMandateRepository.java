package lu.ccss.guichet.certification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.certification.domain.AgentMandate;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AgentMandateRepository implements PanacheRepositoryBase<AgentMandate, UUID> {

    /** The mandates by which the space currently acts as the employer's agent. */
    public List<AgentMandate> activeFor(UUID spaceId, String employer) {
        return list("spaceId = ?1 and employer = ?2 and revokedAt is null", Sort.ascending("domain"), spaceId,
                employer);
    }
}

package lu.ccss.guichet.mandate.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.mandate.domain.CodeRequest;
import lu.ccss.guichet.mandate.domain.RequestAgent;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CodeRequestRepository implements PanacheRepositoryBase<CodeRequest, UUID> {

    public List<RequestAgent> agentsOf(UUID requestId) {
        return getEntityManager().createQuery(
                        "from RequestAgent a where a.id.requestId = ?1 order by a.id.registrationNumber",
                        RequestAgent.class)
                .setParameter(1, requestId)
                .getResultList();
    }

    public void persistAgent(RequestAgent agent) {
        getEntityManager().persist(agent);
    }
}

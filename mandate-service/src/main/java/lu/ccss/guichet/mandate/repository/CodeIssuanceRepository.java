package lu.ccss.guichet.mandate.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.mandate.domain.CodeIssuance;
import lu.ccss.guichet.mandate.domain.IssuedLetter;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CodeIssuanceRepository implements PanacheRepositoryBase<CodeIssuance, UUID> {

    public List<CodeIssuance> currentOf(UUID requestId) {
        return list("requestId = ?1 and supersededAt is null", requestId);
    }

    public IssuedLetter letter(UUID letterId) {
        return getEntityManager().find(IssuedLetter.class, letterId);
    }

    public void persistLetter(IssuedLetter letter) {
        getEntityManager().persist(letter);
    }
}

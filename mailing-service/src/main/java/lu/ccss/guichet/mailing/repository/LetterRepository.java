package lu.ccss.guichet.mailing.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import lu.ccss.guichet.mailing.domain.Letter;
import lu.ccss.guichet.mailing.domain.LetterStatus;
import lu.ccss.guichet.mailing.domain.LetterStatusChange;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class LetterRepository implements PanacheRepositoryBase<Letter, UUID> {

    /** The letter, locked until the transaction ends, so two operators never move it at once. */
    public Optional<Letter> lockById(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean existsForCodeLetter(UUID codeLetterId) {
        return count("codeLetterId", codeLetterId) > 0;
    }

    public boolean existsForMandate(UUID mandateId) {
        return count("mandateId", mandateId) > 0;
    }

    public List<Letter> ofRequest(UUID requestId) {
        return list("requestId = ?1 order by createdAt, kind, recipientName", requestId);
    }

    public List<Letter> ofEmployer(String employer) {
        return list("employer = ?1 order by createdAt, kind, recipientName", employer);
    }

    public List<Letter> ofBatch(UUID batchId) {
        return list("batchId = ?1 order by address.country, address.postcode, createdAt, id", batchId);
    }

    /** Letters of a request from another issuance that have not left yet: their codes are void. */
    public List<Letter> unsentOfOtherIssuances(UUID requestId, UUID issuanceId) {
        return find("requestId = ?1 and issuanceId <> ?2 and status in ?3", requestId, issuanceId,
                List.of(LetterStatus.GENERATED, LetterStatus.BATCHED))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * Claims up to {@code limit} letters waiting to be printed, in postal order. Letters another transaction is
     * batching are skipped, so two concurrent batches never print the same letter.
     */
    @SuppressWarnings("unchecked")
    public List<Letter> claimWaitingForPrint(int limit) {
        List<UUID> ids = getEntityManager().createNativeQuery(
                        "select id from letter where status = 'GENERATED' order by country, postcode, created_at, id "
                                + "limit ?1 for update skip locked", UUID.class)
                .setParameter(1, limit)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return list("id in ?1 order by address.country, address.postcode, createdAt, id", ids);
    }

    public List<LetterStatusChange> historyOf(UUID letterId) {
        return getEntityManager().createQuery(
                        "from LetterStatusChange where letterId = ?1 order by id", LetterStatusChange.class)
                .setParameter(1, letterId)
                .getResultList();
    }

    public void record(LetterStatusChange change) {
        getEntityManager().persist(change);
    }
}

package lu.ccss.guichet.mandate.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.mandate.domain.RedemptionFailure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RedemptionFailureRepository implements PanacheRepositoryBase<RedemptionFailure, Long> {

    /**
     * Serialises the code attempts of one person, then of one space, until the transaction ends: parallel requests
     * cannot slip past the rate limit. Persons are always locked before spaces, so two attempts never deadlock.
     */
    public void lockAttemptsOf(String userId, UUID spaceId) {
        lock("attempts-user:" + userId);
        if (spaceId != null) {
            lock("attempts-space:" + spaceId);
        }
    }

    /** Failure times of the person since {@code since}, oldest first. */
    public List<Instant> failuresOfUser(String userId, Instant since) {
        return times("userId = ?1", userId, since);
    }

    public List<Instant> failuresOfSpace(UUID spaceId, Instant since) {
        return times("spaceId = ?1", spaceId, since);
    }

    public long pruneBefore(Instant before) {
        return delete("failedAt < ?1", before);
    }

    private List<Instant> times(String who, Object id, Instant since) {
        return getEntityManager().createQuery("select f.failedAt from RedemptionFailure f where f." + who
                        + " and f.failedAt > ?2 order by f.failedAt", Instant.class)
                .setParameter(1, id)
                .setParameter(2, since)
                .getResultList();
    }

    private void lock(String key) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, key)
                .getSingleResult();
    }
}

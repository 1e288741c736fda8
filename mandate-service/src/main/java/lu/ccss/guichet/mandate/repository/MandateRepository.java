package lu.ccss.guichet.mandate.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.mandate.domain.Mandate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MandateRepository implements PanacheRepositoryBase<Mandate, UUID> {

    /**
     * Serialises, until the transaction ends, every change to the mandate of one employer, domain and capacity, so
     * that "one active at a time" holds without a constraint violation between two concurrent grants.
     */
    public void lockMandate(String employer, Domain domain, Capacity capacity) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "mandate:" + employer + ":" + domain + ":" + capacity)
                .getSingleResult();
    }

    public Optional<Mandate> active(String employer, Domain domain, Capacity capacity) {
        return find("employer = ?1 and domain = ?2 and capacity = ?3 and endedAt is null", employer, domain, capacity)
                .firstResultOptional();
    }

    public Optional<Mandate> activeOf(UUID spaceId, String employer, Domain domain, Capacity capacity) {
        return find("spaceId = ?1 and employer = ?2 and domain = ?3 and capacity = ?4 and endedAt is null", spaceId,
                employer, domain, capacity).firstResultOptional();
    }

    public List<Mandate> activeOfSpace(UUID spaceId) {
        return list("spaceId = ?1 and endedAt is null order by employer, domain, capacity", spaceId);
    }

    /** Which mandate, and the key of its lock: read without loading the mandate, so that it is read locked. */
    public record Key(UUID id, String employer, Domain domain, Capacity capacity) {
    }

    /** Active mandates past their end date, oldest first. */
    public List<Key> expired(Instant now, int limit) {
        return keys("m.endedAt is null and m.expiresAt <= ?1 order by m.expiresAt", now).setMaxResults(limit)
                .getResultList();
    }

    /** Active mandates for the employer, in any capacity. */
    public List<Key> activeForEmployer(String employer) {
        return keys("m.employer = ?1 and m.endedAt is null", employer).getResultList();
    }

    /** Active agent mandates obtained by the agent, for any employer. */
    public List<Key> activeForAgent(String agentRegistrationNumber) {
        return keys("m.agentRegistrationNumber = ?1 and m.capacity = ?2 and m.endedAt is null",
                agentRegistrationNumber, Capacity.AGENT).getResultList();
    }

    private TypedQuery<Key> keys(String where, Object... parameters) {
        TypedQuery<Key> query = getEntityManager().createQuery("select new " + Key.class.getName()
                + "(m.id, m.employer, m.domain, m.capacity) from Mandate m where " + where, Key.class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }

    public Optional<Mandate> lockById(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}

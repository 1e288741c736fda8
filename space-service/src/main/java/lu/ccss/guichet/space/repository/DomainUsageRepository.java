package lu.ccss.guichet.space.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import lu.ccss.guichet.space.domain.DomainUse;

import java.time.Instant;
import java.util.UUID;

/** How often, and since when, each space used each domain for each employer. */
@ApplicationScoped
public class DomainUsageRepository {

    private final EntityManager entityManager;

    public DomainUsageRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records a use; returns true if it was the first for the space, employer and domain. A concurrent first use waits
     * on the primary key until the other transaction ends, then counts as a further use: only one is ever first.
     */
    public boolean record(UUID spaceId, DomainUse use, Instant at) {
        int inserted = entityManager.createNativeQuery("insert into domain_usage (space_id, employer, domain, "
                        + "first_usage_kind, first_used_at, last_usage_kind, last_used_at, use_count) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?4, ?5, 1) on conflict do nothing")
                .setParameter(1, spaceId)
                .setParameter(2, use.employer())
                .setParameter(3, use.domain().name())
                .setParameter(4, use.usageKind().name())
                .setParameter(5, at)
                .executeUpdate();
        if (inserted == 1) {
            return true;
        }
        entityManager.createNativeQuery("update domain_usage set use_count = use_count + 1, last_usage_kind = ?4, "
                        + "last_used_at = greatest(last_used_at, ?5) where space_id = ?1 and employer = ?2 and domain = ?3")
                .setParameter(1, spaceId)
                .setParameter(2, use.employer())
                .setParameter(3, use.domain().name())
                .setParameter(4, use.usageKind().name())
                .setParameter(5, at)
                .executeUpdate();
        return false;
    }
}

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
        // One statement (one round trip) for a first use and a further one alike: xmax is 0 for the row version
        // the insert created, not for the one the update wrote.
        Object inserted = entityManager.createNativeQuery("insert into domain_usage (space_id, employer, domain, "
                        + "first_usage_kind, first_used_at, last_usage_kind, last_used_at, use_count) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?4, ?5, 1) on conflict (space_id, employer, domain) do update "
                        + "set use_count = domain_usage.use_count + 1, last_usage_kind = excluded.last_usage_kind, "
                        + "last_used_at = greatest(domain_usage.last_used_at, excluded.last_used_at) "
                        + "returning (xmax = 0)")
                .setParameter(1, spaceId)
                .setParameter(2, use.employer())
                .setParameter(3, use.domain().name())
                .setParameter(4, use.usageKind().name())
                .setParameter(5, at)
                .getSingleResult();
        return Boolean.TRUE.equals(inserted);
    }
}

package lu.ccss.guichet.edelivery.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import lu.ccss.guichet.edelivery.domain.EDeliveryStatus;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.MandateEvents;
import lu.ccss.guichet.events.SpaceEvents;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Which (space, employer, domain) have eDelivery on. */
@ApplicationScoped
public class ActivationRepository {

    private final EntityManager entityManager;

    public ActivationRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Switches eDelivery on; returns false if it already was, or was on and stopped (it stays stopped). */
    public boolean activate(SpaceEvents.DomainFirstUsed firstUse, Instant now) {
        return entityManager.createNativeQuery("insert into edelivery_activation (space_id, employer, domain, "
                        + "first_usage_kind, first_used_at, activated_at) values (?1, ?2, ?3, ?4, ?5, ?6) "
                        + "on conflict do nothing")
                .setParameter(1, firstUse.spaceId())
                .setParameter(2, firstUse.employer())
                .setParameter(3, firstUse.domain().name())
                .setParameter(4, firstUse.usageKind())
                .setParameter(5, firstUse.firstUsedAt())
                .setParameter(6, now)
                .executeUpdate() == 1;
    }

    /**
     * Stops an active eDelivery (the row stays, with when and why); returns false if it was not on or had already
     * stopped, so that a second stop changes nothing.
     */
    public boolean stop(UUID spaceId, String employer, Domain domain, MandateEvents.RevocationReason reason,
                        Instant now) {
        return entityManager.createNativeQuery("update edelivery_activation set stopped_at = ?4, stop_reason = ?5 "
                        + "where space_id = ?1 and employer = ?2 and domain = ?3 and stopped_at is null")
                .setParameter(1, spaceId)
                .setParameter(2, employer)
                .setParameter(3, domain.name())
                .setParameter(4, now)
                .setParameter(5, reason.name())
                .executeUpdate() == 1;
    }

    /** On and not stopped. */
    public boolean isActive(UUID spaceId, String employer, Domain domain) {
        return !entityManager.createNativeQuery("select 1 from edelivery_activation where space_id = ?1 "
                        + "and employer = ?2 and domain = ?3 and stopped_at is null")
                .setParameter(1, spaceId)
                .setParameter(2, employer)
                .setParameter(3, domain.name())
                .getResultList().isEmpty();
    }

    /** Per employer and domain the space is certified for or receives documents of: on or not, since when. */
    public List<EDeliveryStatus> statusOf(UUID spaceId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select k.employer, k.domain, a.activated_at, a.stopped_at, a.stop_reason from ("
                        + "select employer, domain from mandate where space_id = ?1 and revoked_at is null "
                        + "union select employer, domain from edelivery_activation where space_id = ?1) k "
                        + "left join edelivery_activation a on a.space_id = ?1 and a.employer = k.employer "
                        + "and a.domain = k.domain")
                .setParameter(1, spaceId)
                .getResultList();
        return rows.stream()
                .map(row -> {
                    Instant activatedAt = instant(row[2]);
                    Instant stoppedAt = instant(row[3]);
                    boolean active = activatedAt != null && stoppedAt == null;
                    return new EDeliveryStatus((String) row[0], Domain.valueOf((String) row[1]), active,
                            active ? activatedAt : null, stoppedAt,
                            row[4] == null ? null : MandateEvents.RevocationReason.valueOf((String) row[4]));
                })
                .sorted(Comparator.comparing(EDeliveryStatus::employer).thenComparing(EDeliveryStatus::domain))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}

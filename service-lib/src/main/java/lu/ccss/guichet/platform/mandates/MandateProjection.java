package lu.ccss.guichet.platform.mandates;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MandateEvents;
import lu.ccss.guichet.platform.inbound.EventHandlers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A service's copy of the mandate-service's mandates (which space acts for which employer and domain, and how), fed
 * by {@code CertificationGranted} and {@code MandateRevoked}. A service switches it on with
 * {@code guichet.projections.mandates=true}: that brings its table, its channel and {@link MandateProjectionConsumer}.
 * A service that must act when a mandate ends observes {@link MandateEnded}.
 */
@ApplicationScoped
public class MandateProjection {

    private final EntityManager entityManager;
    private final Event<MandateEnded> ended;

    public MandateProjection(EntityManager entityManager, Event<MandateEnded> ended) {
        this.entityManager = entityManager;
        this.ended = ended;
    }

    public EventHandlers handlers() {
        return EventHandlers.create()
                .on(EventTypes.CERTIFICATION_GRANTED, this::granted)
                .on(EventTypes.MANDATE_REVOKED, this::revoked);
    }

    void granted(MandateEvents.CertificationGranted event) {
        upsert(event.certificationId(), event.spaceId(), event.employer(), event.domain(), event.capacity(),
                "granted_at", event.grantedAt());
    }

    /** Also records a revocation whose grant this service never saw, so that the grant cannot revive it later. */
    void revoked(MandateEvents.MandateRevoked event) {
        upsert(event.certificationId(), event.spaceId(), event.employer(), event.domain(), event.capacity(),
                "revoked_at", event.revokedAt() != null ? event.revokedAt() : Instant.now());
        ended.fire(new MandateEnded(event));
    }

    /** Whether the space holds a mandate, as holder or agent, for the employer and domain. */
    public boolean isCertified(UUID spaceId, String employer, Domain domain) {
        return !entityManager.createNativeQuery("select 1 from mandate where space_id = ?1 and employer = ?2 "
                        + "and domain = ?3 and revoked_at is null limit 1")
                .setParameter(1, spaceId)
                .setParameter(2, employer)
                .setParameter(3, domain.name())
                .getResultList().isEmpty();
    }

    /** The domains in which the space acts as the employer's agent now, in domain order. */
    public List<Domain> agentDomains(UUID spaceId, String employer) {
        List<?> names = entityManager.createNativeQuery("select distinct domain from mandate where space_id = ?1 "
                        + "and employer = ?2 and capacity = 'AGENT' and revoked_at is null")
                .setParameter(1, spaceId)
                .setParameter(2, employer)
                .getResultList();
        return names.stream().map(name -> Domain.valueOf((String) name)).sorted().toList();
    }

    private void upsert(UUID mandateId, UUID spaceId, String employer, Domain domain, Capacity capacity,
                        String timeColumn, Instant time) {
        entityManager.createNativeQuery("insert into mandate (mandate_id, space_id, employer, domain, "
                        + "capacity, " + timeColumn + ") values (?1, ?2, ?3, ?4, ?5, ?6) "
                        + "on conflict (mandate_id) do update set " + timeColumn + " = excluded." + timeColumn)
                .setParameter(1, mandateId)
                .setParameter(2, spaceId)
                .setParameter(3, employer)
                .setParameter(4, domain.name())
                .setParameter(5, capacity.name())
                .setParameter(6, time)
                .executeUpdate();
    }
}

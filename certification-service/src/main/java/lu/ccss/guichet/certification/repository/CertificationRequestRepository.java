package lu.ccss.guichet.certification.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import lu.ccss.guichet.certification.domain.CertificationRequest;
import lu.ccss.guichet.certification.domain.RequestState;

import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CertificationRequestRepository implements PanacheRepositoryBase<CertificationRequest, UUID> {

    /** The request, locked until the transaction ends, so that two changes of one request never interleave. */
    public Optional<CertificationRequest> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A fresh reference such as {@code CCSS-2026-000123}: the year, then a number that is never reused. */
    /** Serialises, until the transaction ends, every change guarded by {@code name} (an advisory lock). */
    public void lock(String name) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, name)
                .getSingleResult();
    }

    public String nextReference(Instant now) {
        Number next = (Number) getEntityManager()
                .createNativeQuery("select nextval('certification_reference_seq')").getSingleResult();
        return String.format("CCSS-%d-%06d", Year.from(now.atZone(ZoneOffset.UTC)).getValue(),
                next.longValue());
    }

    public List<CertificationRequest> ofSpace(UUID spaceId) {
        return list("spaceId", Sort.descending("createdAt").and("reference", Sort.Direction.Descending), spaceId);
    }

    public PanacheQuery<CertificationRequest> inState(RequestState state, int page, int size) {
        Sort order = Sort.descending("createdAt").and("reference", Sort.Direction.Descending);
        PanacheQuery<CertificationRequest> query = state == null ? findAll(order) : find("state", order, state);
        return query.page(Page.of(page, size));
    }

    /** Ids of open requests nobody changed since {@code before}, oldest first. */
    public List<UUID> untouchedSince(Instant before, int limit) {
        return getEntityManager().createQuery("select r.id from CertificationRequest r where r.state in ?1 "
                        + "and r.updatedAt < ?2 order by r.updatedAt", UUID.class)
                .setParameter(1, RequestState.OPEN)
                .setParameter(2, before)
                .setMaxResults(limit)
                .getResultList();
    }
}

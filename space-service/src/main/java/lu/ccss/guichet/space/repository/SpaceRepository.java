package lu.ccss.guichet.space.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import lu.ccss.guichet.events.MemberRole;
import lu.ccss.guichet.space.domain.Space;
import lu.ccss.guichet.space.service.MySpace;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SpaceRepository implements PanacheRepositoryBase<Space, UUID> {

    /** Serialises the space creations of one person until the transaction ends, so the 200-space cap holds. */
    public void lockCreationsOf(String userId) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "space-creations:" + userId)
                .getSingleResult();
    }

    /**
     * The space, its row locked until the transaction ends: the changes to one space's users are serialised, so two
     * concurrent demotions or removals cannot both pass the last-administrator check.
     */
    public Optional<Space> lock(UUID spaceId) {
        return findByIdOptional(spaceId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The spaces a person belongs to, oldest membership first. */
    public List<MySpace> spacesOf(String userId) {
        return getEntityManager().createQuery(
                        "select s, m.role from Space s, SpaceMember m where m.id.spaceId = s.id and m.id.userId = ?1 "
                                + "order by m.since, s.name", Object[].class)
                .setParameter(1, userId)
                .getResultStream()
                .map(row -> new MySpace((Space) row[0], (MemberRole) row[1]))
                .toList();
    }
}

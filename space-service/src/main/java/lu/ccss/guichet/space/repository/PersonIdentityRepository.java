package lu.ccss.guichet.space.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The keyed hash of the national number of the users who belong to a space. */
@ApplicationScoped
public class PersonIdentityRepository {

    private final EntityManager entityManager;

    public PersonIdentityRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void record(String userId, String nationalIdHash, Instant now) {
        entityManager.createNativeQuery("insert into person_identity (user_id, national_id_hash, recorded_at) "
                        + "values (?1, ?2, ?3) on conflict (user_id) do update "
                        + "set national_id_hash = excluded.national_id_hash, recorded_at = excluded.recorded_at")
                .setParameter(1, userId)
                .setParameter(2, nationalIdHash)
                .setParameter(3, now)
                .executeUpdate();
    }

    /** Whether the person with that national number (hashed under each key) is a user of the space. */
    public boolean isMember(List<String> nationalIdHashes, UUID spaceId) {
        return !entityManager.createNativeQuery("select 1 from person_identity p join space_member m "
                        + "on m.user_id = p.user_id where p.national_id_hash in (?1) and m.space_id = ?2 limit 1")
                .setParameter(1, nationalIdHashes)
                .setParameter(2, spaceId)
                .getResultList().isEmpty();
    }

    /** Forgets a user's national number hash once they belong to no space any more. */
    public void forgetIfInNoSpace(String userId) {
        entityManager.createNativeQuery("delete from person_identity p where p.user_id = ?1 "
                        + "and not exists (select 1 from space_member m where m.user_id = p.user_id)")
                .setParameter(1, userId)
                .executeUpdate();
    }
}

package lu.ccss.guichet.platform.membership;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.events.MemberRole;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SpaceMemberRepository implements PanacheRepositoryBase<SpaceMember, SpaceMember.Key> {

    public Optional<SpaceMember> find(UUID spaceId, String userId) {
        return findByIdOptional(new SpaceMember.Key(spaceId, userId));
    }

    public List<SpaceMember> membersOf(UUID spaceId) {
        return list("id.spaceId = ?1 order by since, id.userId", spaceId);
    }

    public List<SpaceMember> spacesOf(String userId) {
        return list("id.userId = ?1 order by since", userId);
    }

    public long countSpacesOf(String userId) {
        return count("id.userId", userId);
    }

    public long countAdministrators(UUID spaceId) {
        return count("id.spaceId = ?1 and role = ?2", spaceId, MemberRole.ADMINISTRATOR);
    }
}

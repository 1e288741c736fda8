package lu.ccss.guichet.platform.membership;

import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.platform.errors.DomainException;
import lu.ccss.guichet.platform.security.Caller;

import java.util.UUID;

/**
 * The membership checks of every service. A stranger to a space gets 404, so that the answer never tells whether
 * the space exists; a member without the needed role gets 403.
 */
@ApplicationScoped
public class SpaceAccess {

    private final SpaceMemberRepository members;
    private final Caller caller;

    public SpaceAccess(SpaceMemberRepository members, Caller caller) {
        this.members = members;
        this.caller = caller;
    }

    /** The caller's membership of the space, or 404. */
    public SpaceMember requireMember(UUID spaceId) {
        return members.find(spaceId, caller.userId())
                .orElseThrow(() -> DomainException.notFound("No space " + spaceId + " among your spaces"));
    }

    /** The caller's membership as an administrator of the space, or 404 / 403. */
    public SpaceMember requireAdministrator(UUID spaceId) {
        SpaceMember member = requireMember(spaceId);
        if (!member.isAdministrator()) {
            throw DomainException.notAllowed("Only an administrator of the space may do this");
        }
        return member;
    }

    public boolean isMember(UUID spaceId, String userId) {
        return members.find(spaceId, userId).isPresent();
    }
}

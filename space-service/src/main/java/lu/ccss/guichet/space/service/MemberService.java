package lu.ccss.guichet.space.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MemberRole;
import lu.ccss.guichet.events.SpaceEvents;
import lu.ccss.guichet.platform.errors.DomainException;
import lu.ccss.guichet.platform.membership.SpaceAccess;
import lu.ccss.guichet.platform.membership.SpaceMember;
import lu.ccss.guichet.platform.membership.SpaceMemberRepository;
import lu.ccss.guichet.platform.outbox.Outbox;
import lu.ccss.guichet.platform.security.Caller;
import lu.ccss.guichet.space.repository.PersonIdentityRepository;
import lu.ccss.guichet.space.repository.SpaceRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The users of a space: administrators remove users and change roles, a user may leave. A space always keeps an
 * administrator: every change locks the space row first, then checks, so concurrent changes are judged one by one.
 */
@ApplicationScoped
public class MemberService {

    private final SpaceRepository spaces;
    private final SpaceMemberRepository members;
    private final PersonIdentityRepository identities;
    private final SpaceAccess access;
    private final Caller caller;
    private final Outbox outbox;

    public MemberService(SpaceRepository spaces, SpaceMemberRepository members, PersonIdentityRepository identities,
                         SpaceAccess access, Caller caller, Outbox outbox) {
        this.spaces = spaces;
        this.members = members;
        this.identities = identities;
        this.access = access;
        this.caller = caller;
        this.outbox = outbox;
    }

    @Transactional
    public List<SpaceMember> members(UUID spaceId) {
        access.requireMember(spaceId);
        return members.membersOf(spaceId);
    }

    /** An administrator removes a user, or a user leaves; never the last administrator. */
    @Transactional
    public void remove(UUID spaceId, String userId) {
        lockSpace(spaceId);
        SpaceMember me = access.requireMember(spaceId);
        boolean leaving = me.userId().equals(userId);
        if (!leaving && !me.isAdministrator()) {
            throw DomainException.notAllowed("Only an administrator of the space may remove another user");
        }
        SpaceMember target = leaving ? me : member(spaceId, userId);
        if (target.isAdministrator() && members.countAdministrators(spaceId) <= 1) {
            throw DomainException.conflict((leaving ? "You are" : "This user is") + " the last administrator of "
                    + "the space, which must keep one: make another user administrator first");
        }
        members.delete(target);
        members.flush();
        identities.forgetIfInNoSpace(userId);
        outbox.record(EventTypes.MEMBER_REMOVED, SpaceService.AGGREGATE, spaceId,
                new SpaceEvents.MemberRemoved(spaceId, userId, caller.userId(), Instant.now()));
    }

    /** An administrator changes a user's role; the last administrator cannot be demoted. */
    @Transactional
    public SpaceMember changeRole(UUID spaceId, String userId, MemberRole role) {
        lockSpace(spaceId);
        access.requireAdministrator(spaceId);
        SpaceMember target = member(spaceId, userId);
        if (target.role == role) {
            return target;
        }
        if (target.isAdministrator() && members.countAdministrators(spaceId) <= 1) {
            throw DomainException.conflict("This user is the last administrator of the space, which must keep one: "
                    + "make another user administrator first");
        }
        target.role = role;
        outbox.record(EventTypes.MEMBER_ROLE_CHANGED, SpaceService.AGGREGATE, spaceId,
                new SpaceEvents.MemberRoleChanged(spaceId, userId, role, Instant.now()));
        return target;
    }

    private SpaceMember member(UUID spaceId, String userId) {
        return members.find(spaceId, userId)
                .orElseThrow(() -> DomainException.notFound("No such member in this space"));
    }

    private void lockSpace(UUID spaceId) {
        spaces.lock(spaceId).orElseThrow(() -> DomainException.notFound("No space " + spaceId + " among your spaces"));
    }
}

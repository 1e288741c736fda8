package lu.ccss.guichet.platform.membership;

import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.SpaceEvents;
import lu.ccss.guichet.platform.inbound.EventHandlers;

/** Keeps a service's copy of the space members up to date from the space-service's events. */
@ApplicationScoped
public class MembershipProjection {

    private final SpaceMemberRepository members;

    public MembershipProjection(SpaceMemberRepository members) {
        this.members = members;
    }

    public EventHandlers handlers() {
        return EventHandlers.create()
                .on(EventTypes.MEMBER_ADDED, this::added)
                .on(EventTypes.MEMBER_ROLE_CHANGED, this::roleChanged)
                .on(EventTypes.MEMBER_REMOVED, this::removed);
    }

    void added(SpaceEvents.MemberAdded event) {
        SpaceMember member = members.find(event.spaceId(), event.userId()).orElse(null);
        if (member == null) {
            members.persist(SpaceMember.of(event.spaceId(), event.userId(), event.role(), event.displayName(),
                    event.addedAt()));
        } else {
            member.role = event.role();
            member.displayName = event.displayName();
        }
    }

    void roleChanged(SpaceEvents.MemberRoleChanged event) {
        members.find(event.spaceId(), event.userId()).ifPresent(member -> member.role = event.role());
    }

    void removed(SpaceEvents.MemberRemoved event) {
        members.find(event.spaceId(), event.userId()).ifPresent(members::delete);
    }
}

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
import lu.ccss.guichet.space.config.SpaceConfig;
import lu.ccss.guichet.space.domain.Space;
import lu.ccss.guichet.space.domain.SpaceDetails;
import lu.ccss.guichet.space.repository.SpaceRepository;

import java.util.List;
import java.util.UUID;

/** Procedure A: professional spaces and who belongs to them. */
@ApplicationScoped
public class SpaceService {

    static final String AGGREGATE = "space";

    private final SpaceRepository spaces;
    private final SpaceMemberRepository members;
    private final SpaceAccess access;
    private final Caller caller;
    private final Outbox outbox;
    private final Identities identities;
    private final int maxSpacesPerPerson;

    public SpaceService(SpaceRepository spaces, SpaceMemberRepository members, SpaceAccess access, Caller caller,
                        Outbox outbox, Identities identities, SpaceConfig config) {
        this.spaces = spaces;
        this.members = members;
        this.access = access;
        this.caller = caller;
        this.outbox = outbox;
        this.identities = identities;
        this.maxSpacesPerPerson = config.maxPerPerson();
    }

    /** Creates a space; its creator becomes its first administrator. */
    @Transactional
    public MySpace create(SpaceDetails details) {
        String userId = caller.userId();
        spaces.lockCreationsOf(userId);
        if (members.countSpacesOf(userId) >= maxSpacesPerPerson) {
            throw DomainException.conflict("You already belong to " + maxSpacesPerPerson
                    + " spaces, the most one person may hold; leave a space before creating another");
        }
        Space space = Space.create(details, userId);
        spaces.persist(space);
        SpaceMember administrator = SpaceMember.of(space.id, userId, MemberRole.ADMINISTRATOR,
                caller.displayName().orElse(null), space.createdAt);
        members.persist(administrator);
        identities.recordCaller(space.createdAt);
        outbox.record(EventTypes.SPACE_CREATED, AGGREGATE, space.id,
                new SpaceEvents.SpaceCreated(space.id, space.name, userId, space.createdAt));
        outbox.record(EventTypes.MEMBER_ADDED, AGGREGATE, space.id,
                new SpaceEvents.MemberAdded(space.id, userId, MemberRole.ADMINISTRATOR, administrator.displayName,
                        administrator.since));
        return new MySpace(space, MemberRole.ADMINISTRATOR);
    }

    /** The spaces the caller belongs to, with the caller's role in each. */
    @Transactional
    public List<MySpace> mySpaces() {
        return spaces.spacesOf(caller.userId());
    }

    @Transactional
    public MySpace space(UUID spaceId) {
        SpaceMember membership = access.requireMember(spaceId);
        return new MySpace(spaces.findById(spaceId), membership.role);
    }
}

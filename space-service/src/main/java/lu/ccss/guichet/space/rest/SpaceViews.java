package lu.ccss.guichet.space.rest;

import lu.ccss.guichet.events.MemberRole;
import lu.ccss.guichet.platform.membership.SpaceMember;
import lu.ccss.guichet.space.domain.Space;
import lu.ccss.guichet.space.service.MySpace;

import java.time.Instant;
import java.util.UUID;

/** Response bodies of the space API. */
public final class SpaceViews {

    public record SpaceView(UUID id, String name, String description, String createdBy, Instant createdAt,
                            MemberRole myRole) {
        static SpaceView of(MySpace mine) {
            Space s = mine.space();
            return new SpaceView(s.id, s.name, s.description, s.createdBy, s.createdAt, mine.role());
        }
    }

    public record MemberView(String userId, String displayName, MemberRole role, Instant since) {
        static MemberView of(SpaceMember m) {
            return new MemberView(m.userId(), m.displayName, m.role, m.since);
        }
    }

    private SpaceViews() {
    }
}

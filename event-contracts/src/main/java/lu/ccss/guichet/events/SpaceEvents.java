package lu.ccss.guichet.events;

import java.time.Instant;
import java.util.UUID;

/** Events published by the space-service on {@link Topics#SPACE}, keyed by space id. */
public final class SpaceEvents {

    /** A professional space was created; its creator is its first administrator (a MemberAdded follows). */
    public record SpaceCreated(UUID spaceId, String name, String createdBy, Instant createdAt) {
    }

    /** A user joined a space (its creator, or an invitee who accepted). */
    public record MemberAdded(UUID spaceId, String userId, MemberRole role, String displayName, Instant addedAt) {
    }

    /** A user's role in a space changed. */
    public record MemberRoleChanged(UUID spaceId, String userId, MemberRole role, Instant changedAt) {
    }

    /** A user left a space or was removed by an administrator. */
    public record MemberRemoved(UUID spaceId, String userId, String removedBy, Instant removedAt) {
    }

    /** The first use of a domain by a certified space for an employer; published once per space, employer and domain. */
    public record DomainFirstUsed(UUID spaceId, String employer, Domain domain, String usageKind, Instant firstUsedAt) {
    }

    private SpaceEvents() {
    }
}

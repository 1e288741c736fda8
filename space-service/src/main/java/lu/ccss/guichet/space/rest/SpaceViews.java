package lu.ccss.guichet.space.rest;

import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.MemberRole;
import lu.ccss.guichet.platform.membership.SpaceMember;
import lu.ccss.guichet.space.domain.Invitation;
import lu.ccss.guichet.space.domain.InvitationStatus;
import lu.ccss.guichet.space.domain.Space;
import lu.ccss.guichet.space.domain.UsageKind;
import lu.ccss.guichet.space.service.AwaitingInvitation;
import lu.ccss.guichet.space.service.DomainUsageService;
import lu.ccss.guichet.space.service.MySpace;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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

    public record InvitationView(UUID id, UUID spaceId, String name, String email,
                                 @Schema(description = "The last three digits of the invitee's national number")
                                 String nationalIdLastDigits,
                                 MemberRole role, InvitationStatus status, String invitedBy, Instant invitedAt,
                                 Instant expiresAt, String closedBy, Instant closedAt) {
        static InvitationView of(Invitation i) {
            return new InvitationView(i.id, i.spaceId, i.name, i.email, i.nationalIdLastDigits, i.role,
                    i.statusAt(Instant.now()), i.invitedBy, i.invitedAt, i.expiresAt, i.closedBy, i.closedAt);
        }
    }

    /** An invitation as its invitee sees it. */
    public record AwaitingInvitationView(UUID id, UUID spaceId, String spaceName, MemberRole role, Instant invitedAt,
                                         Instant expiresAt) {
        static AwaitingInvitationView of(AwaitingInvitation a) {
            Invitation i = a.invitation();
            return new AwaitingInvitationView(i.id, i.spaceId, a.spaceName(), i.role, i.invitedAt, i.expiresAt);
        }
    }

    public record DomainUseView(UUID spaceId, String employer, Domain domain, UsageKind usageKind, Instant usedAt,
                                @Schema(description = "True for the first use of the domain by the space for the "
                                        + "employer: DomainFirstUsed was published") boolean firstUse) {
        static DomainUseView of(DomainUsageService.RecordedUse r) {
            return new DomainUseView(r.spaceId(), r.use().employer(), r.use().domain(), r.use().usageKind(),
                    r.usedAt(), r.firstUse());
        }
    }

    private SpaceViews() {
    }
}

package lu.ccss.guichet.space.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.SpaceEvents;
import lu.ccss.guichet.platform.errors.DomainException;
import lu.ccss.guichet.platform.membership.SpaceAccess;
import lu.ccss.guichet.platform.membership.SpaceMember;
import lu.ccss.guichet.platform.membership.SpaceMemberRepository;
import lu.ccss.guichet.platform.outbox.Outbox;
import lu.ccss.guichet.platform.security.Caller;
import lu.ccss.guichet.space.config.SpaceConfig;
import lu.ccss.guichet.space.domain.Invitation;
import lu.ccss.guichet.space.domain.InvitationDetails;
import lu.ccss.guichet.space.domain.InvitationStatus;
import lu.ccss.guichet.space.domain.Space;
import lu.ccss.guichet.space.repository.AgentMandateQueries;
import lu.ccss.guichet.space.repository.InvitationRepository;
import lu.ccss.guichet.space.repository.PersonIdentityRepository;
import lu.ccss.guichet.space.repository.SpaceRepository;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Procedure D: administrators invite collaborators; the invitee accepts after signing in. */
@ApplicationScoped
public class InvitationService {

    private static final Logger LOG = Logger.getLogger(InvitationService.class);

    private final SpaceRepository spaces;
    private final SpaceMemberRepository members;
    private final InvitationRepository invitations;
    private final PersonIdentityRepository identities;
    private final AgentMandateQueries agentMandates;
    private final Identities callerIdentity;
    private final NationalIdDigest digest;
    private final SpaceAccess access;
    private final Caller caller;
    private final Outbox outbox;
    private final Duration validity;
    private final Duration retention;
    private final int maxSpacesPerPerson;
    private final int maxInvitationsPerDay;

    public InvitationService(SpaceRepository spaces, SpaceMemberRepository members, InvitationRepository invitations,
                             PersonIdentityRepository identities, AgentMandateQueries agentMandates,
                             Identities callerIdentity, NationalIdDigest digest, SpaceAccess access, Caller caller,
                             Outbox outbox, SpaceConfig config) {
        this.spaces = spaces;
        this.members = members;
        this.invitations = invitations;
        this.identities = identities;
        this.agentMandates = agentMandates;
        this.callerIdentity = callerIdentity;
        this.digest = digest;
        this.access = access;
        this.caller = caller;
        this.outbox = outbox;
        this.validity = config.invitationValidity();
        this.retention = config.invitationRetention();
        this.maxSpacesPerPerson = config.maxPerPerson();
        this.maxInvitationsPerDay = config.maxInvitationsPerDay();
    }

    /** An administrator invites a person; refused if the person already belongs, or acts for an employer as agent. */
    @Transactional
    public Invitation invite(UUID spaceId, InvitationDetails details) {
        lockSpace(spaceId);
        access.requireAdministrator(spaceId);
        Instant now = Instant.now();
        // Under the space's lock: two administrators inviting at once cannot both pass the cap.
        if (invitations.countSentSince(spaceId, now.minus(Duration.ofDays(1))) >= maxInvitationsPerDay) {
            throw DomainException.tooManyAttempts("This space has sent " + maxInvitationsPerDay
                    + " invitations within 24 hours, the most allowed; try again later", Duration.ofHours(1));
        }
        NationalIdDigest.Hashes hash = digest.of(details.nationalId().digits());
        if (identities.isMember(hash.all(), spaceId)) {
            throw DomainException.conflict("This person already belongs to the space");
        }
        refuseAgents(hash, spaceId);
        invitations.pendingFor(spaceId, hash.all()).ifPresent(open -> {
            if (open.statusAt(now) == InvitationStatus.PENDING) {
                throw DomainException.conflict("This person already has an open invitation to the space ("
                        + open.id + ", until " + open.expiresAt + "); withdraw it to invite them again");
            }
            open.lapse();
            invitations.flush();
        });
        Invitation invitation = Invitation.create(spaceId, details, hash.current(), caller.userId(), now, validity);
        invitations.persist(invitation);
        return invitation;
    }

    /** The invitations of a space, newest first (administrators). */
    @Transactional
    public List<Invitation> ofSpace(UUID spaceId) {
        access.requireAdministrator(spaceId);
        return invitations.ofSpace(spaceId);
    }

    @Transactional
    public Invitation one(UUID spaceId, UUID invitationId) {
        access.requireAdministrator(spaceId);
        return invitations.findByIdOptional(invitationId).filter(i -> i.spaceId.equals(spaceId))
                .orElseThrow(() -> noInvitation(invitationId));
    }

    /** An administrator withdraws an invitation; withdrawing it again changes nothing. */
    @Transactional
    public Invitation withdraw(UUID spaceId, UUID invitationId) {
        access.requireAdministrator(spaceId);
        Invitation invitation = invitations.lock(invitationId).filter(i -> i.spaceId.equals(spaceId))
                .orElseThrow(() -> noInvitation(invitationId));
        if (invitation.status == InvitationStatus.ACCEPTED) {
            throw DomainException.conflict("The invitation was already accepted; remove the user from the space "
                    + "instead");
        }
        if (invitation.status != InvitationStatus.WITHDRAWN) {
            invitation.withdraw(caller.userId(), Instant.now());
        }
        return invitation;
    }

    /** The open invitations made out to the caller's national number. */
    @Transactional
    public List<AwaitingInvitation> mine() {
        return callerIdentity.callerHash().map(hash -> invitations.awaiting(hash.all(), Instant.now())).orElse(List.of())
                .stream().map(i -> new AwaitingInvitation(i, spaces.findById(i.spaceId).name)).toList();
    }

    /**
     * The invitee accepts: their token's national number must be the invitation's. The identity is checked before
     * anything about the invitation's state is told, so that only the invitee learns it.
     */
    @Transactional
    public MySpace accept(UUID invitationId) {
        Invitation invitation = invitations.lock(invitationId).orElseThrow(() -> noInvitation(invitationId));
        NationalIdDigest.Hashes hash = callerIdentity.callerHash().orElseThrow(() -> DomainException.notAllowed(
                "Your sign-in carries no national identification number; sign in with an identity that does "
                        + "(e.g. LuxTrust or the eID card) to accept an invitation"));
        if (!hash.matches(invitation.nationalIdHash)) {
            throw DomainException.notAllowed("This invitation is made out to another person");
        }
        Instant now = Instant.now();
        switch (invitation.statusAt(now)) {
            case ACCEPTED -> throw DomainException.conflict("The invitation was already accepted");
            case WITHDRAWN -> throw DomainException.conflict("The invitation was withdrawn by an administrator "
                    + "of the space");
            case EXPIRED -> throw DomainException.gone("The invitation expired on "
                    + invitation.expiresAt + "; ask an administrator of the space to invite you again");
            case PENDING -> {
            }
        }
        String userId = caller.userId();
        Space space = lockSpace(invitation.spaceId);
        if (members.find(space.id, userId).isPresent()) {
            throw DomainException.conflict("You already belong to the space");
        }
        spaces.lockCreationsOf(userId);
        if (members.countSpacesOf(userId) >= maxSpacesPerPerson) {
            throw DomainException.conflict("You already belong to " + maxSpacesPerPerson
                    + " spaces, the most one person may hold; leave a space before joining another");
        }
        identities.record(userId, hash.current(), now);
        refuseAgents(hash, space.id);
        SpaceMember member = SpaceMember.of(space.id, userId, invitation.role,
                caller.displayName().orElse(invitation.name), now);
        members.persist(member);
        invitation.accept(userId, now);
        outbox.record(EventTypes.MEMBER_ADDED, SpaceService.AGGREGATE, space.id,
                new SpaceEvents.MemberAdded(space.id, userId, member.role, member.displayName, member.since));
        return new MySpace(space, member.role);
    }

    /** Personal data is kept no longer than needed: closed invitations go after the retention period. */
    @Scheduled(every = "${guichet.space.invitation-purge-interval:6h}", delayed = "1m")
    @Transactional
    public void purgeClosedInvitations() {
        long purged = invitations.deleteClosedBefore(Instant.now().minus(retention));
        if (purged > 0) {
            LOG.infof("Purged %d closed invitations older than %s", purged, retention);
        }
    }

    private void refuseAgents(NationalIdDigest.Hashes nationalIdHash, UUID spaceId) {
        List<String> employers = agentMandates.employersServedAsAgent(nationalIdHash.all(), spaceId);
        if (!employers.isEmpty()) {
            throw DomainException.conflict("This person acts as agent for employer " + String.join(", ", employers)
                    + ", of which this space is the certified holder. Agents (accountants, fiduciaries) and their "
                    + "staff are not added as collaborators (procedure D): the employer names the agent in its "
                    + "certification request (procedure B) and the agent certifies its own space with its agent "
                    + "access and security codes (procedure C).");
        }
    }

    private Space lockSpace(UUID spaceId) {
        return spaces.lock(spaceId).orElseThrow(() -> DomainException.notFound("No space " + spaceId
                + " among your spaces"));
    }

    private static DomainException noInvitation(UUID invitationId) {
        return DomainException.notFound("No invitation " + invitationId);
    }
}

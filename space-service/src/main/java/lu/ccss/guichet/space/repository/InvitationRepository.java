package lu.ccss.guichet.space.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import lu.ccss.guichet.space.domain.Invitation;
import lu.ccss.guichet.space.domain.InvitationStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class InvitationRepository implements PanacheRepositoryBase<Invitation, UUID> {

    /** The invitation, its row locked until the transaction ends (accepting and withdrawing exclude each other). */
    public Optional<Invitation> lock(UUID invitationId) {
        return findByIdOptional(invitationId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The open invitation of a person (by the hashes of their national number, one per key) to a space, if any. */
    public Optional<Invitation> pendingFor(UUID spaceId, List<String> nationalIdHashes) {
        return find("spaceId = ?1 and nationalIdHash in ?2 and status = ?3", spaceId, nationalIdHashes,
                InvitationStatus.PENDING).firstResultOptional();
    }

    /** How many invitations the space sent since {@code since}, whatever became of them. */
    public long countSentSince(UUID spaceId, Instant since) {
        return count("spaceId = ?1 and invitedAt >= ?2", spaceId, since);
    }

    /** Every invitation of a space, newest first. */
    public List<Invitation> ofSpace(UUID spaceId) {
        return list("spaceId = ?1 order by invitedAt desc, id", spaceId);
    }

    /** The invitations awaiting a person, still valid at {@code now}, newest first. */
    public List<Invitation> awaiting(List<String> nationalIdHashes, Instant now) {
        return list("nationalIdHash in ?1 and status = ?2 and expiresAt > ?3 order by invitedAt desc",
                nationalIdHashes, InvitationStatus.PENDING, now);
    }

    /** Deletes the invitations closed (accepted, withdrawn or expired) before {@code cutoff}; returns how many. */
    public long deleteClosedBefore(Instant cutoff) {
        return delete("(status <> ?1 and closedAt < ?2) or (status = ?1 and expiresAt < ?2)",
                InvitationStatus.PENDING, cutoff);
    }
}

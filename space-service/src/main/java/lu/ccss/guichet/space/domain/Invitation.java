package lu.ccss.guichet.space.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lu.ccss.guichet.events.MemberRole;
import lu.ccss.guichet.platform.validation.ValidEmail;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An invitation to join a space (procedure D). The invitee's national number is not kept: only its keyed hash,
 * to recognise the invitee when they accept, and its last digits, for the administrators to recognise whom they
 * invited.
 */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "space_id", nullable = false)
    public UUID spaceId;

    @Column(nullable = false, length = InvitationDetails.NAME_MAX)
    public String name;

    @Column(nullable = false, length = ValidEmail.MAX)
    public String email;

    @Column(name = "national_id_hash", nullable = false, length = 64)
    public String nationalIdHash;

    @Column(name = "national_id_last_digits", nullable = false, length = NationalIdentificationNumber.SHOWN_DIGITS)
    public String nationalIdLastDigits;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public MemberRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public InvitationStatus status;

    @Column(name = "invited_by", nullable = false)
    public String invitedBy;

    @Column(name = "invited_at", nullable = false)
    public Instant invitedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** Who accepted or withdrew it. */
    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    public static Invitation create(UUID spaceId, InvitationDetails details, String nationalIdHash, String invitedBy,
                                    Instant now, Duration validity) {
        Invitation invitation = new Invitation();
        invitation.id = UUID.randomUUID();
        invitation.spaceId = spaceId;
        invitation.name = details.name();
        invitation.email = details.email();
        invitation.nationalIdHash = nationalIdHash;
        invitation.nationalIdLastDigits = details.nationalId().lastDigits();
        invitation.role = details.role();
        invitation.status = InvitationStatus.PENDING;
        invitation.invitedBy = invitedBy;
        invitation.invitedAt = now;
        invitation.expiresAt = now.plus(validity);
        return invitation;
    }

    /** The status as of {@code now}: a pending invitation past its expiry is expired. */
    public InvitationStatus statusAt(Instant now) {
        return status == InvitationStatus.PENDING && !now.isBefore(expiresAt) ? InvitationStatus.EXPIRED : status;
    }

    public void accept(String userId, Instant now) {
        close(InvitationStatus.ACCEPTED, userId, now);
    }

    public void withdraw(String userId, Instant now) {
        close(InvitationStatus.WITHDRAWN, userId, now);
    }

    /** Records that it lapsed, so that the person may be invited afresh. */
    public void lapse() {
        status = InvitationStatus.EXPIRED;
        closedAt = expiresAt;
    }

    private void close(InvitationStatus to, String userId, Instant now) {
        status = to;
        closedBy = userId;
        closedAt = now;
    }
}

package lu.ccss.guichet.mandate.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.MandateEvents.CodeKind;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One code printed on a letter. Access and revocation codes are found by their keyed hash ({@code lookupHmac});
 * an agent security code is only ever checked against its Argon2id hash ({@code secretHash}). A code is usable from
 * the posting of its letter until it expires, once.
 */
@Entity
@Table(name = "issued_code")
public class IssuedCode extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "letter_id", nullable = false)
    public UUID letterId;

    @Column(name = "issuance_id", nullable = false)
    public UUID issuanceId;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(nullable = false)
    public String employer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CodeKind kind;

    @Enumerated(EnumType.STRING)
    public Domain domain;

    @Column(name = "agent_registration_number")
    public String agentRegistrationNumber;

    @Column(name = "lookup_hmac")
    public String lookupHmac;

    @Column(name = "secret_hash")
    public String secretHash;

    @Column(name = "usable_from")
    public Instant usableFrom;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "failed_attempts", nullable = false)
    public int failedAttempts;

    @Column(name = "locked_at")
    public Instant lockedAt;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "used_by")
    public String usedBy;

    @Column(name = "used_in_space")
    public UUID usedInSpace;

    @Column(name = "voided_at")
    public Instant voidedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "void_reason")
    public VoidReason voidReason;

    /** An access or revocation code, kept as its keyed hash. */
    public static IssuedCode lookedUp(IssuedLetter letter, String employer, CodeKind kind, Domain domain,
                                      String agentRegistrationNumber, String lookupHmac) {
        IssuedCode code = base(letter, employer, kind, domain, agentRegistrationNumber);
        code.lookupHmac = lookupHmac;
        return code;
    }

    /** An agent security code, kept as its Argon2id hash. */
    public static IssuedCode agentSecurity(IssuedLetter letter, String employer, String agentRegistrationNumber,
                                           String argon2idHash) {
        IssuedCode code = base(letter, employer, CodeKind.AGENT_SECURITY, null, agentRegistrationNumber);
        code.secretHash = argon2idHash;
        return code;
    }

    private static IssuedCode base(IssuedLetter letter, String employer, CodeKind kind, Domain domain,
                                   String agentRegistrationNumber) {
        IssuedCode code = new IssuedCode();
        code.id = UUID.randomUUID();
        code.letterId = letter.id;
        code.issuanceId = letter.issuanceId;
        code.requestId = letter.requestId;
        code.employer = employer;
        code.kind = kind;
        code.domain = domain;
        code.agentRegistrationNumber = agentRegistrationNumber;
        return code;
    }

    /** The capacity an access code certifies in; null for the other kinds. */
    public Capacity capacity() {
        return switch (kind) {
            case HOLDER_ACCESS -> Capacity.HOLDER;
            case AGENT_ACCESS -> Capacity.AGENT;
            default -> null;
        };
    }

    public CodeState state(Instant now) {
        if (lockedAt != null) {
            return CodeState.LOCKED;
        }
        if (usedAt != null) {
            return CodeState.USED;
        }
        if (voidedAt != null) {
            return CodeState.VOID;
        }
        if (usableFrom == null) {
            return CodeState.NOT_YET_POSTED;
        }
        return now.isBefore(expiresAt) ? CodeState.USABLE : CodeState.EXPIRED;
    }

    /** Its letter was posted: usable from then for {@code validity}. A posting reported twice keeps the first. */
    public void activate(Instant postedAt, Duration validity) {
        if (usableFrom == null) {
            usableFrom = postedAt;
            expiresAt = postedAt.plus(validity);
        }
    }

    /** Voids the code unless it was used (a used code keeps its history). Returns whether it changed. */
    public boolean voidFor(VoidReason reason, Instant now) {
        if (usedAt != null || voidedAt != null) {
            return false;
        }
        voidedAt = now;
        voidReason = reason;
        return true;
    }

    /** Counts a failed attempt; returns true when this one locks the code. */
    public boolean recordFailure(int maxFailures, Instant now) {
        failedAttempts++;
        if (failedAttempts >= maxFailures && lockedAt == null) {
            lockedAt = now;
            return true;
        }
        return false;
    }

    public void markUsed(String userId, UUID spaceId, Instant now) {
        usedAt = now;
        usedBy = userId;
        usedInSpace = spaceId;
    }
}

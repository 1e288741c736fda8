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
import lu.ccss.guichet.events.MandateEvents.RevocationReason;

import java.time.Instant;
import java.util.UUID;

/**
 * A mandate: a space may act for an employer in a domain, as holder (main mandate) or agent (obtained mandate).
 * At most one is active per employer, domain and capacity; an ended one stays as history.
 */
@Entity
@Table(name = "mandate")
public class Mandate extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "space_id", nullable = false)
    public UUID spaceId;

    @Column(nullable = false)
    public String employer;

    @Column(name = "employer_name", nullable = false)
    public String employerName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Domain domain;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Capacity capacity;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "code_id", nullable = false)
    public UUID codeId;

    @Column(name = "agent_registration_number")
    public String agentRegistrationNumber;

    @Column(name = "agent_name")
    public String agentName;

    /** When an agent mandate with an end date expires; null: it lasts until it is ended. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;

    @Column(name = "granted_by", nullable = false)
    public String grantedBy;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public RevocationReason endReason;

    @Column(name = "ended_by")
    public String endedBy;

    public static Mandate grant(UUID spaceId, CodeRequest request, IssuedCode accessCode, RequestAgent agent,
                                String grantedBy, Instant now) {
        Mandate c = new Mandate();
        c.id = UUID.randomUUID();
        c.spaceId = spaceId;
        c.employer = request.employer;
        c.employerName = request.employerName;
        c.domain = accessCode.domain;
        c.capacity = accessCode.capacity();
        c.requestId = request.requestId;
        c.codeId = accessCode.id;
        c.agentRegistrationNumber = accessCode.agentRegistrationNumber;
        c.agentName = agent == null ? null : agent.name;
        c.expiresAt = agent == null ? null : agent.mandateExpiresAt();
        c.grantedAt = now;
        c.grantedBy = grantedBy;
        return c;
    }

    public boolean isActive() {
        return endedAt == null;
    }

    /** Active and not past its end date: the space may act on it now (the expiry job ends it soon after). */
    public boolean isInForce(Instant now) {
        return isActive() && (expiresAt == null || now.isBefore(expiresAt));
    }

    public void end(RevocationReason reason, String by, Instant now) {
        endedAt = now;
        endReason = reason;
        endedBy = by;
    }
}

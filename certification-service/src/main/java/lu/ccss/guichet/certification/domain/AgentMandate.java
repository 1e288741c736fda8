package lu.ccss.guichet.certification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lu.ccss.guichet.events.Domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A space acting as agent for an employer in a domain: the certification-service's projection of the
 * mandate-service's {@code CertificationGranted} (capacity AGENT) and {@code MandateRevoked} events. It answers
 * "does this space act as the employer's agent?", for the rule that the employer files, never its agent.
 */
@Entity
@Table(name = "agent_mandate")
public class AgentMandate extends PanacheEntityBase {

    @Id
    @Column(name = "certification_id")
    public UUID certificationId;

    @Column(name = "space_id", nullable = false)
    public UUID spaceId;

    @Column(nullable = false)
    public String employer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Domain domain;

    @Column(name = "granted_at")
    public Instant grantedAt;

    /** Set once revoked; kept so that a grant delivered after its revocation does not bring the mandate back. */
    @Column(name = "revoked_at")
    public Instant revokedAt;
}

package lu.ccss.guichet.mandate.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lu.ccss.guichet.events.MandateEvents.RecipientKind;

import java.time.Instant;
import java.util.UUID;

/** A code letter ({@code CodeLetter} of CodesIssued) whose posting or return the mailing-service reports. */
@Entity
@Table(name = "code_letter")
public class IssuedLetter extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "issuance_id", nullable = false)
    public UUID issuanceId;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_kind", nullable = false)
    public RecipientKind recipientKind;

    @Column(name = "agent_registration_number")
    public String agentRegistrationNumber;

    @Column(name = "posted_at")
    public Instant postedAt;

    @Column(name = "returned_at")
    public Instant returnedAt;

    public static IssuedLetter of(CodeIssuance issuance, RecipientKind kind, String agentRegistrationNumber) {
        IssuedLetter letter = new IssuedLetter();
        letter.id = UUID.randomUUID();
        letter.issuanceId = issuance.id;
        letter.requestId = issuance.requestId;
        letter.recipientKind = kind;
        letter.agentRegistrationNumber = agentRegistrationNumber;
        return letter;
    }
}

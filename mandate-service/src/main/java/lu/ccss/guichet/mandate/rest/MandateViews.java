package lu.ccss.guichet.mandate.rest;

import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.MandateEvents;
import lu.ccss.guichet.mandate.domain.AuditAction;
import lu.ccss.guichet.mandate.domain.AuditEntry;
import lu.ccss.guichet.mandate.domain.AuditOutcome;
import lu.ccss.guichet.mandate.domain.Mandate;
import lu.ccss.guichet.mandate.service.CodeIssuer;
import lu.ccss.guichet.mandate.service.RevocationService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of the mandate API; none carries a code. */
public final class MandateViews {

    @Schema(name = "Mandate", description = "A line of the Certifications tab")
    public record MandateView(
            UUID id, UUID spaceId, String employer, String employerName, Domain domain, Capacity capacity,
            @Schema(description = "When the space was certified") Instant since, UUID requestId,
            @Schema(description = "AGENT only: the agent this space acts as") String agentRegistrationNumber,
            String agentName,
            @Schema(description = EXPIRES_AT) Instant expiresAt,
            @Schema(description = "HOLDER only: the agent now acting for the employer in this domain, which the "
                    + "holder may withdraw; null if none") AgentMandateView agentMandate) {

        static MandateView of(Mandate c, Mandate agent) {
            return new MandateView(c.id, c.spaceId, c.employer, c.employerName, c.domain, c.capacity,
                    c.grantedAt, c.requestId, c.agentRegistrationNumber, c.agentName, c.expiresAt,
                    agent == null ? null : new AgentMandateView(agent.id, agent.agentRegistrationNumber,
                            agent.agentName, agent.grantedAt, agent.expiresAt));
        }
    }

    static final String EXPIRES_AT = "AGENT only, when the employer gave the mandate an end date: when it expires "
            + "(the first instant of the end day in Luxembourg); null: no end";

    @Schema(name = "AgentMandate")
    public record AgentMandateView(
            @Schema(description = "The id to withdraw it with") UUID mandateId, String agentRegistrationNumber,
            String agentName, Instant since, @Schema(description = EXPIRES_AT) Instant expiresAt) {
    }

    @Schema(name = "Authorization")
    public record AuthorizationView(boolean authorized,
                                    @Schema(description = "null when not authorized") Capacity capacity,
                                    @Schema(description = "null when not authorized") Instant since) {
    }

    @Schema(name = "Revocation")
    public record RevocationView(String employer, Domain domain,
                                 @Schema(description = "The holder certification that ended; null if the domain was "
                                         + "not certified") UUID revokedMandateId,
                                 @Schema(description = "Whether the unused holder access code of the domain was "
                                         + "voided") boolean accessCodeVoided,
                                 Instant revokedAt) {
        static RevocationView of(RevocationService.Revocation r) {
            return new RevocationView(r.employer(), r.domain(), r.revokedMandateId(), r.accessCodeVoided(),
                    r.revokedAt());
        }
    }

    @Schema(name = "Reissued")
    public record ReissueView(UUID requestId, UUID issuanceId, int voidedCodes, List<LetterView> letters,
                              Instant issuedAt) {
        static ReissueView of(CodeIssuer.Reissue reissue) {
            MandateEvents.CodesIssued issued = reissue.issued();
            return new ReissueView(issued.requestId(), issued.issuanceId(), reissue.voidedCodes(),
                    issued.letters().stream().map(l -> new LetterView(l.codeLetterId(), l.recipientKind(),
                            l.recipientName(), l.agentRegistrationNumber())).toList(), issued.issuedAt());
        }
    }

    @Schema(name = "CodeLetter", description = "A letter of the new issuance (its codes are sealed for the "
            + "mailing-service)")
    public record LetterView(UUID codeLetterId, MandateEvents.RecipientKind recipientKind, String recipientName,
                             String agentRegistrationNumber) {
    }

    @Schema(name = "AuditEntry", description = "One line of the append-only audit trail; codes appear by id only")
    public record AuditView(long seq, Instant occurredAt,
                            @Schema(description = "User id (token subject), or system:<service>") String actor,
                            AuditAction action, AuditOutcome outcome, String employer, UUID requestId, UUID spaceId,
                            UUID mandateId, UUID codeId, Domain domain, Capacity capacity, String detail) {
        static AuditView of(AuditEntry e) {
            return new AuditView(e.seq, e.occurredAt, e.actor, e.action, e.outcome, e.employer, e.requestId,
                    e.spaceId, e.mandateId, e.codeId, e.domain, e.capacity, e.detail);
        }
    }

    private MandateViews() {
    }
}

package lu.ccss.guichet.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events published by the mandate-service on {@link Topics#MANDATE}. */
public final class MandateEvents {

    /** Who a code letter goes to. */
    public enum RecipientKind {
        EMPLOYER,
        AGENT
    }

    /**
     * One code letter to print. {@code sealedCodes} holds the letter's codes encrypted for the mailing-service only
     * (see {@link SealedCodes}); nobody else can read them. No address: the mailing-service posts the letter to its
     * recipient's (the employer's, or the agent {@code agentRegistrationNumber}'s) address in the employer register.
     */
    public record CodeLetter(UUID codeLetterId, RecipientKind recipientKind, String recipientName,
                             String agentRegistrationNumber, SealedCodes sealedCodes) {
    }

    /**
     * Hybrid encryption of a letter's codes: a fresh AES-256-GCM key encrypts the JSON list of codes, and that key is
     * encrypted with the mailing-service's RSA public key (RSA-OAEP, SHA-256). All fields are base64.
     * {@code keyId} names the mailing-service key pair used.
     */
    public record SealedCodes(String keyId, String encryptedKey, String iv, String ciphertext) {
    }

    /** What a code is for. */
    public enum CodeKind {
        /** Certifies the holder's space for one domain, with the holder's security code (procedure B step 6). */
        HOLDER_ACCESS,
        /** Revokes the holder's certification of one domain. */
        HOLDER_REVOCATION,
        /** Given by the employer to its agent in person; goes with each of the agent's access codes. */
        AGENT_SECURITY,
        /** Certifies the agent's space for one domain, with the agent security code. */
        AGENT_ACCESS
    }

    /**
     * One code as printed on a letter: the plaintext inside {@link SealedCodes}, never on the bus in clear.
     * {@code domain} is null for an agent security code; the agent fields are null for the holder's codes.
     */
    public record LetterCode(CodeKind kind, Domain domain, String code, String agentName,
                             String agentRegistrationNumber) {
    }

    /** The JSON document that {@link SealedCodes} encrypts: every code of one letter. */
    public record LetterCodes(UUID codeLetterId, List<LetterCode> codes) {
    }

    /**
     * Codes were issued for a transmitted request (or reissued by an operator); keyed by request id (type
     * {@code …codes-issued.v2}). A v1 record (whose letters also carried an address) reads into this record, the
     * address ignored ({@link EventTypes#supersededBy}).
     */
    public record CodesIssued(UUID requestId, String reference, UUID issuanceId, String employer, String language,
                              List<CodeLetter> letters, Instant issuedAt) {
    }

    /** An access code was locked after too many failed attempts; keyed by request id. */
    public record CodeLocked(UUID codeId, UUID requestId, String employer, Domain domain, Capacity capacity,
                             Instant lockedAt) {
    }

    /** A space is now certified for an employer and domain, as holder or agent; keyed by employer. */
    public record CertificationGranted(UUID certificationId, UUID spaceId, String employer, Domain domain,
                                       Capacity capacity, UUID requestId, Instant grantedAt) {
    }

    /** Why a mandate ended. */
    public enum RevocationReason {
        /** The holder withdrew an agent's mandate. */
        WITHDRAWN,
        /** A holder revocation code was used. */
        REVOKED_BY_CODE,
        /** A new certification for the same employer, domain and capacity replaced it. */
        REPLACED,
        /** The end date the employer gave the agent mandate has come. */
        EXPIRED,
        /** The employer register marked the employer ceased. */
        EMPLOYER_CEASED,
        /** The employer register marked the agent ceased. */
        AGENT_CEASED
    }

    /**
     * A certification ended; keyed by employer. {@code successorSpaceId} is the space whose new certification replaced
     * it (reason {@code REPLACED}), null otherwise.
     */
    public record MandateRevoked(UUID certificationId, UUID spaceId, String employer, Domain domain,
                                 Capacity capacity, RevocationReason reason, UUID successorSpaceId, Instant revokedAt) {
    }

    private MandateEvents() {
    }
}

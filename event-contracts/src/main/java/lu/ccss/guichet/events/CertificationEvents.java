package lu.ccss.guichet.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Events published by the certification-service on {@link Topics#CERTIFICATION}, keyed by request id. */
public final class CertificationEvents {

    /**
     * The person who filled in the request on the employer's side: a name only. Their e-mail and phone stay with the
     * certification-service (v2 carried them; no consumer needed them).
     */
    public record Filer(String lastName, String firstName) {
    }

    /**
     * The employer, identified by its CCSS registration number (matricule, 11 or 13 digits); the legal name is the
     * employer register's, never typed by the filer. No address: letters go to the address the register has when they
     * are posted (the mailing-service's register projection), never to one copied into an event.
     */
    public record Employer(String registrationNumber, String legalName, String language) {
    }

    /**
     * An agent chosen by the employer and the domains it may act in. {@code name} is the register's;
     * {@code mandateEndsOn}, when the employer set one, is the day its mandates expire (null: no end). No address
     * and no e-mail (v2 carried both; no consumer needed them).
     */
    public record Agent(String registrationNumber, String name, Set<Domain> domains, LocalDate mandateEndsOn) {
    }

    /**
     * The Argon2id hash (PHC string, UTF-8) of the holder's security code, sealed for the mandate-service: a fresh
     * AES-256-GCM key encrypts the hash and that key is encrypted with the mandate-service's RSA public key (RSA-OAEP,
     * SHA-256). The AES-GCM associated data binds the box to {@code keyId} and to the request id. All fields but
     * {@code keyId} are base64; {@code keyId} names the mandate-service key pair used, so that it can rotate keys.
     */
    public record SealedSecurityCodeHash(String keyId, String encryptedKey, String iv, String ciphertext) {
    }

    /**
     * A signed certification request was transmitted to the CCSS (type {@code …request-transmitted.v3}).
     * {@code sealedSecurityCodeHash} carries the Argon2id hash of the holder's security code, readable only by the
     * mandate-service; neither the code nor its hash travels in clear. A v2 record (which also carried addresses and
     * e-mails) reads into this record, its extra fields ignored ({@link EventTypes#supersededBy}).
     */
    public record RequestTransmitted(UUID requestId, String reference, UUID spaceId, Employer employer, Filer filer,
                                     List<Agent> agents, SealedSecurityCodeHash sealedSecurityCodeHash,
                                     Instant transmittedAt) {
    }

    private CertificationEvents() {
    }
}

package lu.ccss.guichet.certification.service;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import lu.ccss.guichet.certification.config.CertificationConfig;
import lu.ccss.guichet.events.CertificationEvents.SealedSecurityCodeHash;
import lu.ccss.guichet.platform.crypto.KeyMaterial;
import lu.ccss.guichet.platform.crypto.SecurityCodeHashSeal;
import org.jboss.logging.Logger;

import java.security.PublicKey;
import java.util.UUID;

/**
 * Seals the holder's security-code hash for the mandate-service (its RSA public key), as RequestTransmitted carries
 * it: no other subscriber of the topic, and nobody reading this service's outbox, can read the hash and guess the
 * code offline. Read at start-up; outside dev and test a missing key stops the service, since a request sealed for a
 * throw-away key could never be certified.
 */
@ApplicationScoped
@Startup
public class SecurityCodeSealer {

    static final String ENV = "SECURITY_CODE_PUBLIC_KEY";
    private static final Logger LOG = Logger.getLogger(SecurityCodeSealer.class);

    private final PublicKey mandateKey;
    private final String keyId;

    @Inject
    public SecurityCodeSealer(CertificationConfig config) {
        this(config, LaunchMode.current() == LaunchMode.NORMAL);
    }

    SecurityCodeSealer(CertificationConfig config, boolean prod) {
        this.mandateKey = mandateKey(config, prod);
        this.keyId = config.securityCodeKeyId();
    }

    /** The hash of request {@code requestId}, sealed for the mandate-service and bound to the request. */
    public SealedSecurityCodeHash seal(String argon2idHash, UUID requestId) {
        if (argon2idHash == null) {
            throw new IllegalStateException("Request " + requestId + " has no security-code hash to seal");
        }
        return SecurityCodeHashSeal.seal(argon2idHash, requestId, mandateKey, keyId);
    }

    private static PublicKey mandateKey(CertificationConfig config, boolean prod) {
        if (config.securityCodeKey().isEmpty() || config.securityCodeKey().get().isBlank()) {
            if (prod) {
                throw new IllegalStateException("The certification-service refuses to start: " + ENV
                        + " (guichet.certification.security-code-key) is not set: give the mandate-service's RSA "
                        + "public key for the holder's security code, as PEM text or the path of a PEM file");
            }
            LOG.warn("No " + ENV + " configured: sealing the holder's security-code hash with a generated key pair "
                    + "whose private key is discarded; no mandate-service can open it, so these requests cannot be "
                    + "certified");
            return KeyMaterial.throwAwayRsa().getPublic();
        }
        try {
            return KeyMaterial.publicKey(config.securityCodeKey().get());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(ENV + " (guichet.certification.security-code-key): " + e.getMessage(), e);
        }
    }
}

package lu.ccss.guichet.mandate.service;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import lu.ccss.guichet.events.CertificationEvents.RequestTransmitted;
import lu.ccss.guichet.events.CertificationEvents.SealedSecurityCodeHash;
import lu.ccss.guichet.mandate.config.SecurityCodeConfig;
import lu.ccss.guichet.platform.crypto.Argon2idHasher;
import lu.ccss.guichet.platform.crypto.KeyMaterial;
import lu.ccss.guichet.platform.crypto.SecurityCodeHashSeal;
import lu.ccss.guichet.platform.inbound.InvalidEventException;
import org.jboss.logging.Logger;

import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Opens the holder's security-code hash that RequestTransmitted carries sealed for this service, and accepts it only
 * when it is an Argon2id hash whose parameters are within {@link Argon2idHasher}'s bounds (a forged hash asking for
 * gigabytes would otherwise be computed at the first certification attempt). Anything else is an invalid event: it
 * goes to the dead-letter topic with the reason, which never repeats the hash. Read at start-up; outside dev and test
 * a missing private key stops the service, since no transmitted request could be certified.
 */
@ApplicationScoped
@Startup
public class SecurityCodeKeys {

    static final String ENV = "SECURITY_CODE_PRIVATE_KEY";
    private static final Logger LOG = Logger.getLogger(SecurityCodeKeys.class);

    /** Private keys by key id: the current one, and the previous one while keys rotate. */
    private final Map<String, PrivateKey> keys = new LinkedHashMap<>();

    @Inject
    public SecurityCodeKeys(SecurityCodeConfig config) {
        this(config, LaunchMode.current() == LaunchMode.NORMAL);
    }

    SecurityCodeKeys(SecurityCodeConfig config, boolean prod) {
        if (config.privateKey().isEmpty() || config.privateKey().get().isBlank()) {
            if (prod) {
                throw new IllegalStateException("The mandate-service refuses to start: " + ENV
                        + " (guichet.security-code.private-key) is not set: give the private key (PKCS#8 PEM text or "
                        + "the path of a PEM file) whose public key the certification-service seals the holder's "
                        + "security code with (SECURITY_CODE_PUBLIC_KEY there)");
            }
            LOG.warn("No " + ENV + " configured: using a generated key pair; no RequestTransmitted sealed by a "
                    + "certification-service can be opened, and each goes to the dead-letter topic");
            keys.put(config.keyId(), KeyMaterial.throwAwayRsa().getPrivate());
        } else {
            keys.put(config.keyId(), read(config.privateKey().get(), ENV, "guichet.security-code.private-key"));
        }
        if (config.previousPrivateKey().isPresent() && !config.previousPrivateKey().get().isBlank()) {
            String previousId = config.previousKeyId().filter(id -> !id.isBlank()).orElseThrow(() ->
                    new IllegalStateException("SECURITY_CODE_PREVIOUS_KEY_ID (guichet.security-code.previous-key-id) "
                            + "must name the key pair of SECURITY_CODE_PREVIOUS_PRIVATE_KEY"));
            keys.putIfAbsent(previousId, read(config.previousPrivateKey().get(), "SECURITY_CODE_PREVIOUS_PRIVATE_KEY",
                    "guichet.security-code.previous-private-key"));
        }
    }

    /** The Argon2id hash of the holder's security code of {@code event}, opened and within bounds. */
    public String holderSecurityHash(RequestTransmitted event) {
        SealedSecurityCodeHash sealed = event.sealedSecurityCodeHash();
        String at = "RequestTransmitted " + event.requestId() + ": sealedSecurityCodeHash ";
        PrivateKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new InvalidEventException(at + "is sealed for key '" + sealed.keyId()
                    + "', which this mandate-service does not hold (it holds " + keys.keySet() + ")");
        }
        String hash;
        try {
            hash = SecurityCodeHashSeal.open(sealed, event.requestId(), key);
        } catch (IllegalStateException e) {
            throw new InvalidEventException(at + "cannot be opened with key '" + sealed.keyId()
                    + "': sealed for another key or another request, or altered");
        }
        String problem = Argon2idHasher.problem(hash);
        if (problem != null) {
            throw new InvalidEventException(at + "does not hold an acceptable Argon2id hash: " + problem);
        }
        return hash;
    }

    private static PrivateKey read(String pemOrPath, String env, String property) {
        try {
            return KeyMaterial.privateKey(pemOrPath);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(env + " (" + property + "): " + e.getMessage(), e);
        }
    }
}

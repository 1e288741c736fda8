package lu.ccss.guichet.certification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "guichet.certification")
public interface CertificationConfig {

    /** An open request nobody changed for this long expires. */
    @WithDefault("P30D")
    Duration draftTtl();

    /** How often the expiry job looks for untouched requests (read by its {@code @Scheduled}). */
    @WithDefault("1h")
    String expiryCheck();

    /** Most requests a space may have open (draft, confirmed or signed) at once. */
    @WithDefault("10")
    int maxOpenRequestsPerSpace();

    /** Most security codes one person may save (each costs an Argon2id hash) within an hour. */
    @WithDefault("20")
    int maxSecurityCodesPerHour();

    /** An agent's mandate end date (agents step, optional) is at most this many years after today. */
    @WithDefault("5")
    int agentMandateMaxYears();

    /**
     * The mandate-service's RSA public key (PEM text or the path of a PEM file) that seals the holder's
     * security-code hash in RequestTransmitted; only the mandate-service holds the private key.
     */
    Optional<String> securityCodeKey();

    /** Names the mandate-service key pair, so that it can rotate keys. */
    @WithDefault("local")
    String securityCodeKeyId();
}

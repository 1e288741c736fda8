package lu.ccss.guichet.mandate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * The mandate-service's RSA key pair for the holder's security code ({@code guichet.security-code.*}): the
 * certification-service seals the Argon2id hash of the code with its public key in RequestTransmitted, and only
 * this service, with the private key, opens it.
 */
@ConfigMapping(prefix = "guichet.security-code")
public interface SecurityCodeConfig {

    /** The private key (PKCS#8 PEM text or the path of a PEM file). */
    Optional<String> privateKey();

    /** Names the key pair; RequestTransmitted names the key it was sealed for. */
    @WithDefault("local")
    String keyId();

    /** While keys rotate: the previous private key, still opening what was sealed before the change. */
    Optional<String> previousPrivateKey();

    /** The previous key pair's id. */
    Optional<String> previousKeyId();
}

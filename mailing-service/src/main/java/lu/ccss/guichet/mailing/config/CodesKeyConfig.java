package lu.ccss.guichet.mailing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** The key pair the mandate-service seals the codes for (environment variables in production). */
@ConfigMapping(prefix = "guichet.codes")
public interface CodesKeyConfig {

    /** RSA private key (PKCS#8 PEM text, or the path of a PEM file) opening the sealed codes of CodesIssued. */
    Optional<String> privateKey();

    /** The id the mandate-service writes in {@code sealedCodes.keyId} for this key pair. */
    @WithDefault("local")
    String keyId();
}

package lu.ccss.guichet.mandate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Keys and rules of the codes ({@code guichet.codes.*}). */
@ConfigMapping(prefix = "guichet.codes")
public interface CodesConfig {

    /** The mailing-service's RSA public key (PEM text or the path of a PEM file) that seals the letters' codes. */
    Optional<String> publicKey();

    /** Names the mailing-service key pair, so that it can rotate keys. */
    @WithDefault("local")
    String keyId();

    /** Base64 of at least 32 random bytes: the HMAC-SHA-256 key of the codes' look-up hashes. */
    Optional<String> hmacKey();

    /** How long codes stay usable after their letter was posted. */
    @WithDefault("P90D")
    Duration validity();

    /** Failed attempts that lock an access code. */
    @WithDefault("5")
    int maxFailuresPerCode();

    RateLimit rateLimit();

    /** A person, or a space, with this many failed attempts within the window must wait (429). */
    interface RateLimit {
        @WithDefault("10")
        int maxFailures();

        @WithDefault("PT15M")
        Duration window();
    }
}

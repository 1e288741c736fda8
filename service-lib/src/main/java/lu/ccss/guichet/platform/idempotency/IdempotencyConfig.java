package lu.ccss.guichet.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The settings of idempotent requests ({@code guichet.idempotency.*}). */
@ConfigMapping(prefix = "guichet.idempotency")
public interface IdempotencyConfig {

    /** How long a key and its answer are kept: a retry after that is a new request. */
    @WithDefault("PT24H")
    Duration retention();

    /** How often the rows older than the retention are deleted. */
    @WithDefault("1h")
    String cleanupInterval();

    /**
     * The keys of the HMAC that fingerprints requests ({@code IDEMPOTENCY_HMAC_KEY}): base64 of at least 32 bytes,
     * {@code <id>:<base64>} separated by commas, the current first (the {@code KeyRing} policy).
     */
    Optional<String> hmacKey();
}

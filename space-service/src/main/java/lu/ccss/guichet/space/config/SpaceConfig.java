package lu.ccss.guichet.space.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The space-service's settings ({@code guichet.space.*}). */
@ConfigMapping(prefix = "guichet.space")
public interface SpaceConfig {

    /**
     * Key of the keyed hash (HMAC-SHA-256) under which national numbers are matched: base64, at least 32 bytes.
     * Unset: a key is generated at start and recorded identities are not recognised after a restart.
     */
    Optional<String> nationalIdHmacKey();

    /** How long an invitation can be accepted. */
    @WithDefault("P14D")
    Duration invitationValidity();

    /** How long an ended invitation is kept before it is deleted. */
    @WithDefault("P90D")
    Duration invitationRetention();

    /** Most spaces one person may belong to. */
    @WithDefault("200")
    int maxPerPerson();
}

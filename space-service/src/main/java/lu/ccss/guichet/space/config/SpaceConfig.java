package lu.ccss.guichet.space.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The space-service's settings ({@code guichet.space.*}). */
@ConfigMapping(prefix = "guichet.space")
public interface SpaceConfig {

    /**
     * Keys of the keyed hash (HMAC-SHA-256) under which national numbers are matched: base64, at least 32 bytes each,
     * {@code <id>:<base64>} separated by commas, the current first (platform.keys.KeyRing).
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

    /** Most invitations the administrators of one space may send within 24 hours (each names a national number). */
    @WithDefault("50")
    int maxInvitationsPerDay();
}

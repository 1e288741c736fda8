package lu.ccss.guichet.mailing.config;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** The key that encrypts the letters' PDFs at rest (an environment variable in production). */
@ConfigMapping(prefix = "guichet.letters")
public interface LettersKeyConfig {

    /** AES-256 key, base64 of 32 bytes. */
    Optional<String> encryptionKey();
}

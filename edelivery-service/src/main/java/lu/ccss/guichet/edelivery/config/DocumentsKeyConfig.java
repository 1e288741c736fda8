package lu.ccss.guichet.edelivery.config;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** The key that encrypts inbox documents at rest ({@code guichet.edelivery.documents-key}). */
@ConfigMapping(prefix = "guichet.edelivery")
public interface DocumentsKeyConfig {

    /** AES-256 key, base64 of 32 bytes. */
    Optional<String> documentsKey();
}

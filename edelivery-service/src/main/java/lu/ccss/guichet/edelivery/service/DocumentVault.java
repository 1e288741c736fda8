package lu.ccss.guichet.edelivery.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.edelivery.config.DocumentsKeyConfig;
import lu.ccss.guichet.platform.crypto.SealedBox;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts inbox documents at rest (AES-256-GCM). The document id is bound as associated data, so bytes moved to
 * another document's row do not decrypt. The key ({@code EDELIVERY_DOCUMENTS_KEY}, base64 of 32 bytes) lives outside
 * the database.
 */
@ApplicationScoped
@Startup
public class DocumentVault {

    private static final Logger LOG = Logger.getLogger(DocumentVault.class);
    private static final int KEY_BYTES = 32;

    private final SecretKey key;

    public DocumentVault(DocumentsKeyConfig config) {
        Optional<String> configured = config.documentsKey();
        byte[] bytes;
        if (configured.isPresent() && !configured.get().isBlank()) {
            bytes = Base64.getDecoder().decode(configured.get().strip());
            if (bytes.length != KEY_BYTES) {
                throw new IllegalStateException("guichet.edelivery.documents-key must be " + KEY_BYTES
                        + " bytes, base64");
            }
        } else {
            bytes = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(bytes);
            LOG.warn("EDELIVERY_DOCUMENTS_KEY is not configured: a generated key is in use, so inbox documents "
                    + "stored now cannot be read after a restart. Configure the key for any real deployment.");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public byte[] seal(UUID documentId, byte[] content) {
        return SealedBox.Aes.encryptWithRandomIv(key, content, associatedData(documentId));
    }

    public byte[] open(UUID documentId, byte[] sealed) {
        return SealedBox.Aes.decryptWithIvPrefix(key, sealed, associatedData(documentId));
    }

    private static byte[] associatedData(UUID documentId) {
        return ("inbox-document:" + documentId).getBytes(StandardCharsets.UTF_8);
    }
}

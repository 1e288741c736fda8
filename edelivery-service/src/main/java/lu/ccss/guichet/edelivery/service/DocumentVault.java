package lu.ccss.guichet.edelivery.service;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.edelivery.config.DocumentsKeyConfig;
import lu.ccss.guichet.edelivery.domain.SealedContent;
import lu.ccss.guichet.platform.crypto.SealedBox;
import lu.ccss.guichet.platform.keys.KeyRing;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts inbox documents at rest (AES-256-GCM). The document id is bound as associated data, so bytes moved to
 * another document's row do not decrypt. The keys ({@code EDELIVERY_DOCUMENTS_KEY}, base64 of 32 bytes each) live
 * outside the database under the {@link KeyRing} policy: required outside dev and test; a document is sealed with
 * the current key and opened with the key whose id its row records, so keys can rotate.
 */
@ApplicationScoped
@Startup
public class DocumentVault {

    private static final int KEY_BYTES = 32;

    private final KeyRing keys;

    public DocumentVault(DocumentsKeyConfig config) {
        this.keys = KeyRing.read("EDELIVERY_DOCUMENTS_KEY", config.documentsKey(), KEY_BYTES, KEY_BYTES,
                LaunchMode.current());
    }

    public SealedContent seal(UUID documentId, byte[] content) {
        return new SealedContent(keys.currentId(), SealedBox.Aes.encryptWithRandomIv(aes(keys.current()), content,
                associatedData(documentId)));
    }

    public byte[] open(UUID documentId, SealedContent sealed) {
        return SealedBox.Aes.decryptWithIvPrefix(aes(keys.key(sealed.keyId())), sealed.bytes(),
                associatedData(documentId));
    }

    private static SecretKey aes(byte[] key) {
        return new SecretKeySpec(key, "AES");
    }

    private static byte[] associatedData(UUID documentId) {
        return ("inbox-document:" + documentId).getBytes(StandardCharsets.UTF_8);
    }
}

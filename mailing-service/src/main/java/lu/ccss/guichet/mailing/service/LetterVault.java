package lu.ccss.guichet.mailing.service;

import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.mailing.config.MailingKeys;
import lu.ccss.guichet.platform.crypto.SealedBox;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Keeps letters' PDFs encrypted at rest (AES-256-GCM, a fresh IV each time). The letter id is bound as associated
 * data, so a PDF copied onto another letter's row does not decrypt.
 */
@ApplicationScoped
public class LetterVault {

    private final MailingKeys keys;

    public LetterVault(MailingKeys keys) {
        this.keys = keys;
    }

    public byte[] seal(UUID letterId, byte[] pdf) {
        return SealedBox.Aes.encryptWithRandomIv(keys.lettersKey(), pdf, associatedData(letterId));
    }

    public byte[] open(UUID letterId, byte[] sealed) {
        return SealedBox.Aes.decryptWithIvPrefix(keys.lettersKey(), sealed, associatedData(letterId));
    }

    /** The operator's view of a code letter (codes masked), bound to the letter and to its purpose. */
    public byte[] sealOperatorView(UUID letterId, byte[] pdf) {
        return SealedBox.Aes.encryptWithRandomIv(keys.lettersKey(), pdf, operatorViewData(letterId));
    }

    public byte[] openOperatorView(UUID letterId, byte[] sealed) {
        return SealedBox.Aes.decryptWithIvPrefix(keys.lettersKey(), sealed, operatorViewData(letterId));
    }

    /** Different associated data: a printable PDF copied into the operator-view column does not decrypt. */
    private static byte[] operatorViewData(UUID letterId) {
        return (letterId + "/operator-view").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] associatedData(UUID letterId) {
        return letterId.toString().getBytes(StandardCharsets.UTF_8);
    }
}

package lu.ccss.guichet.mailing.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import lu.ccss.guichet.platform.crypto.KeyMaterial;
import lu.ccss.guichet.platform.keys.KeyRing;
import org.jboss.logging.Logger;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The private key that opens the codes and the key that encrypts letters at rest, read once at start-up. A production
 * start without them fails with the name of the missing variable; a dev or test run without them uses generated,
 * throw-away keys and says so.
 */
@Startup
@ApplicationScoped
public class MailingKeys {

    private static final Logger LOG = Logger.getLogger(MailingKeys.class);

    private final PrivateKey codesKey;
    private final String codesKeyId;
    private final SecretKey lettersKey;

    @Inject
    public MailingKeys(CodesKeyConfig codes, LettersKeyConfig letters) {
        this(codes.privateKey(), codes.keyId(), letters.encryptionKey(), LaunchMode.current());
    }

    MailingKeys(Optional<String> codesPrivateKey, String codesKeyId, Optional<String> lettersKey, LaunchMode mode) {
        this.codesKey = codesPrivateKey(codesPrivateKey.filter(s -> !s.isBlank()), mode);
        this.codesKeyId = codesKeyId;
        this.lettersKey = lettersKey(lettersKey.filter(s -> !s.isBlank()), mode);
    }

    /** Resolves the keys as the service would start with them; throws what start-up would fail with. */
    public static MailingKeys resolve(Optional<String> codesPrivateKey, String codesKeyId, Optional<String> lettersKey,
                                      LaunchMode mode) {
        return new MailingKeys(codesPrivateKey, codesKeyId, lettersKey, mode);
    }

    public PrivateKey codesKey() {
        return codesKey;
    }

    public String codesKeyId() {
        return codesKeyId;
    }

    public SecretKey lettersKey() {
        return lettersKey;
    }

    private static PrivateKey codesPrivateKey(Optional<String> configured, LaunchMode mode) {
        if (configured.isPresent()) {
            try {
                return KeyMaterial.privateKey(configured.get());
            } catch (IllegalArgumentException e) {
                // The cause's message could echo key material; only say what is wrong.
                throw new IllegalStateException("CODES_PRIVATE_KEY (guichet.codes.private-key) is not an RSA private "
                        + "key in PKCS#8 PEM form, nor the path of a readable file holding one");
            }
        }
        if (mode == LaunchMode.NORMAL) {
            throw new IllegalStateException("CODES_PRIVATE_KEY (guichet.codes.private-key) is not set: the "
                    + "mailing-service cannot open the codes of CodesIssued without its RSA private key. Set it to "
                    + "the PEM text or the path of the PEM file whose public half the mandate-service seals with.");
        }
        KeyPair generated = KeyMaterial.throwAwayRsa();
        LOG.warn("CODES_PRIVATE_KEY is not set: using a generated, throw-away RSA key pair. Codes sealed for any "
                + "other key cannot be opened, and nothing sealed for this one survives a restart.");
        return generated.getPrivate();
    }

    /** One key policy (KeyRing); only the current key encrypts: letter PDFs live only until posted. */
    private static SecretKey lettersKey(Optional<String> configured, LaunchMode mode) {
        return new SecretKeySpec(KeyRing.read("LETTERS_ENCRYPTION_KEY", configured, 32, 32, mode).current(), "AES");
    }
}

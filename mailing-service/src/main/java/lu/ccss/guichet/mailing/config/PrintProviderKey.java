package lu.ccss.guichet.mailing.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import lu.ccss.guichet.platform.crypto.KeyMaterial;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Optional;

/**
 * The print provider's public key, read once at start-up. A production start without it (or with a malformed one)
 * fails naming the variable; a dev or test run without it uses a generated key whose private half nobody has, and
 * says so (nothing downloaded then can be opened).
 */
@Startup
@ApplicationScoped
public class PrintProviderKey {

    private static final Logger LOG = Logger.getLogger(PrintProviderKey.class);
    static final int MAX_KEY_ID = 100;

    private final PublicKey key;
    private final String keyId;

    @Inject
    public PrintProviderKey(PrintProviderConfig config) {
        this(config.providerPublicKey(), config.providerKeyId(), LaunchMode.current());
    }

    PrintProviderKey(Optional<String> publicKey, String keyId, LaunchMode mode) {
        if (keyId == null || keyId.isBlank() || keyId.length() > MAX_KEY_ID
                || keyId.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_ID) {
            throw new IllegalStateException("PRINT_PROVIDER_KEY_ID (guichet.print.provider-key-id) must be 1 to "
                    + MAX_KEY_ID + " characters");
        }
        this.keyId = keyId;
        this.key = publicKey(publicKey.filter(s -> !s.isBlank()), mode);
    }

    /** Resolves the key as the service would start with it; throws what start-up would fail with. */
    public static PrintProviderKey resolve(Optional<String> publicKey, String keyId, LaunchMode mode) {
        return new PrintProviderKey(publicKey, keyId, mode);
    }

    public PublicKey key() {
        return key;
    }

    public String keyId() {
        return keyId;
    }

    private static PublicKey publicKey(Optional<String> configured, LaunchMode mode) {
        if (configured.isPresent()) {
            try {
                return KeyMaterial.publicKey(configured.get());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("PRINT_PROVIDER_PUBLIC_KEY (guichet.print.provider-public-key) is not "
                        + "an RSA public key in PEM form, nor the path of a readable file holding one");
            }
        }
        if (mode == LaunchMode.NORMAL) {
            throw new IllegalStateException("PRINT_PROVIDER_PUBLIC_KEY (guichet.print.provider-public-key) is not "
                    + "set: the mailing-service hands letters with codes only to the print provider, encrypted for "
                    + "its RSA public key. Set it to the PEM text or the path of the provider's public key file.");
        }
        LOG.warn("PRINT_PROVIDER_PUBLIC_KEY is not set: print archives are encrypted for a generated key whose "
                + "private half nobody has; nothing the print provider downloads can be opened.");
        return KeyMaterial.throwAwayRsa().getPublic();
    }
}

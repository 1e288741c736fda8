package lu.ccss.guichet.space.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.space.config.SpaceConfig;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash (HMAC-SHA-256) under which national numbers are matched without being stored. A plain hash would
 * not do: there are only some tens of millions of national numbers, so anyone with the table could hash them all.
 * The key lives outside the database ({@code NATIONAL_ID_HMAC_KEY}, base64, at least 32 bytes).
 */
@ApplicationScoped
@Startup
public class NationalIdDigest {

    private static final Logger LOG = Logger.getLogger(NationalIdDigest.class);
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    public NationalIdDigest(SpaceConfig config) {
        Optional<String> configured = config.nationalIdHmacKey();
        byte[] bytes;
        if (configured.isPresent() && !configured.get().isBlank()) {
            bytes = Base64.getDecoder().decode(configured.get().strip());
            if (bytes.length < MIN_KEY_BYTES) {
                throw new IllegalStateException("guichet.space.national-id-hmac-key must hold at least "
                        + MIN_KEY_BYTES + " bytes (base64)");
            }
        } else {
            bytes = new byte[MIN_KEY_BYTES];
            new SecureRandom().nextBytes(bytes);
            LOG.warn("NATIONAL_ID_HMAC_KEY is not configured: a generated key is in use, so invitations and agent "
                    + "checks will not recognise national numbers recorded before the next restart. "
                    + "Configure the key for any real deployment.");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /** The keyed hash of a national number, 64 lower-case hex characters. */
    public String of(String nationalId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(nationalId.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** Whether {@code nationalId} is the number behind {@code hash}, compared in constant time. */
    public boolean matches(String hash, String nationalId) {
        return MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                of(nationalId).getBytes(StandardCharsets.US_ASCII));
    }
}

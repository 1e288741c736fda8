package lu.ccss.guichet.space.service;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.platform.keys.KeyRing;
import lu.ccss.guichet.space.config.SpaceConfig;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash (HMAC-SHA-256) under which national numbers are matched without being stored. A plain hash would
 * not do: there are only some tens of millions of national numbers, so anyone with the table could hash them all.
 * The keys live outside the database ({@code NATIONAL_ID_HMAC_KEY}, base64, at least 32 bytes each; the service's
 * {@link KeyRing} policy: required outside dev and test, rotatable).
 */
@ApplicationScoped
@Startup
public class NationalIdDigest {

    private static final String ALGORITHM = "HmacSHA256";

    private final KeyRing keys;

    public NationalIdDigest(SpaceConfig config) {
        this.keys = KeyRing.read("NATIONAL_ID_HMAC_KEY", config.nationalIdHmacKey(), 32, 64, LaunchMode.current());
    }

    /**
     * A national number's keyed hashes: {@code current} under the current key (what is stored from now on), and
     * {@code all} under every key of the ring, the current first (what a look-up matches, so that rows hashed under a
     * key being rotated out are still found).
     */
    public record Hashes(String current, List<String> all) {

        public boolean matches(String stored) {
            byte[] candidate = stored.getBytes(StandardCharsets.US_ASCII);
            boolean found = false;
            for (String hash : all) {
                found |= MessageDigest.isEqual(candidate, hash.getBytes(StandardCharsets.US_ASCII));
            }
            return found;
        }
    }

    public Hashes of(String nationalId) {
        List<String> all = keys.all().stream().map(key -> hmac(key, nationalId)).toList();
        return new Hashes(all.get(0), all);
    }

    private static String hmac(byte[] key, String nationalId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(nationalId.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}

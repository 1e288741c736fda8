package lu.ccss.guichet.platform.idempotency;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import lu.ccss.guichet.platform.keys.KeyRing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a stored request is remembered by: an HMAC-SHA-256 of it under a key held outside the database
 * ({@code IDEMPOTENCY_HMAC_KEY}, the {@link KeyRing} policy: required outside dev and test, rotatable). Bodies carry
 * access codes and security codes, which a plain hash would let anyone with the table guess offline.
 */
@ApplicationScoped
@Startup
public class RequestFingerprints {

    static final String VARIABLE = "IDEMPOTENCY_HMAC_KEY";
    private static final String ALGORITHM = "HmacSHA256";

    /** A request's fingerprint and the id of the key it was made with. */
    record Fingerprint(String keyId, String hmac) {
    }

    private final KeyRing keys;

    @Inject
    public RequestFingerprints(IdempotencyConfig config) {
        this(KeyRing.read(VARIABLE, config.hmacKey(), 32, 64, LaunchMode.current()));
    }

    RequestFingerprints(KeyRing keys) {
        this.keys = keys;
    }

    /** The fingerprint of a request under the current key. */
    Fingerprint of(byte[] request) {
        return new Fingerprint(keys.currentId(), hmac(keys.current(), request));
    }

    /**
     * Whether {@code request} is the request {@code stored} was made from, under the key it was made with (a key
     * must stay in the ring for the retention, 24 hours, after it stopped being the current one).
     */
    boolean matches(Fingerprint stored, byte[] request) {
        byte[] expected = hmac(keys.key(stored.keyId()), request).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, stored.hmac().getBytes(StandardCharsets.US_ASCII));
    }

    private static String hmac(byte[] key, byte[] request) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(request));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}

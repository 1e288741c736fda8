package lu.ccss.guichet.mandate.service;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import lu.ccss.guichet.events.MandateEvents.SealedCodes;
import lu.ccss.guichet.mandate.config.CodesConfig;
import lu.ccss.guichet.platform.crypto.Argon2idHasher;
import lu.ccss.guichet.platform.crypto.KeyMaterial;
import lu.ccss.guichet.platform.crypto.SealedBox;
import lu.ccss.guichet.platform.keys.KeyRing;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that keep codes unreadable: the HMAC key of the look-up hashes and the mailing-service's public key that
 * seals the letters. Read at start-up; outside dev and test a missing key stops the service, since codes issued with
 * a throw-away key could never be redeemed after a restart, nor opened by the mailing-service.
 */
@ApplicationScoped
@Startup
public class CodeSecrets {

    private static final Logger LOG = Logger.getLogger(CodeSecrets.class);
    private static final int MIN_HMAC_KEY_BYTES = 32;

    private final SecretKeySpec hmacKey;
    private final PublicKey mailingKey;
    private final String keyId;
    private final Argon2idHasher hasher = Argon2idHasher.withDefaults();
    /** A hash of nothing anyone knows, checked when there is no real one so that every failure takes as long. */
    private final String decoyHash;

    @Inject
    public CodeSecrets(CodesConfig config) {
        this(config, LaunchMode.current() == LaunchMode.NORMAL);
    }

    CodeSecrets(CodesConfig config, boolean prod) {
        // One key policy (KeyRing); only the current key hashes: these keys do not rotate yet (docs/security.md).
        this.hmacKey = new SecretKeySpec(KeyRing.read("CODES_HMAC_KEY", config.hmacKey(), MIN_HMAC_KEY_BYTES, 1024,
                prod ? LaunchMode.NORMAL : LaunchMode.DEVELOPMENT).current(), "HmacSHA256");
        this.mailingKey = mailingKey(config, prod);
        this.keyId = config.keyId();
        this.decoyHash = hasher.hash(HexFormat.of().formatHex(randomBytes(16)));
    }

    /** The keyed hash under which an access or revocation code (bare symbols) is stored and found. */
    public String lookupHash(String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacKey);
            return HexFormat.of().formatHex(mac.doFinal(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** A fresh Argon2id hash of an agent security code. */
    public String hashSecurityCode(String code) {
        return hasher.hash(code);
    }

    /** Checks a security code against its Argon2id hash, or against a decoy when there is none. */
    public boolean verify(String argon2idHash, String typed) {
        if (argon2idHash == null) {
            Argon2idHasher.verify(decoyHash, typed);
            return false;
        }
        return Argon2idHasher.verify(argon2idHash, typed);
    }

    /** Seals a letter's codes (JSON) for the mailing-service. */
    public SealedCodes seal(byte[] letterCodesJson) {
        return SealedBox.seal(letterCodesJson, mailingKey, keyId);
    }

    private static PublicKey mailingKey(CodesConfig config, boolean prod) {
        if (config.publicKey().isEmpty()) {
            refuseInProduction(prod, "CODES_PUBLIC_KEY (guichet.codes.public-key) is not set: give the "
                    + "mailing-service's RSA public key, as PEM text or the path of a PEM file");
            LOG.warn("No CODES_PUBLIC_KEY configured: sealing code letters with a generated key pair whose private "
                    + "key is discarded; no mailing-service can open these letters");
            return KeyMaterial.throwAwayRsa().getPublic();
        }
        try {
            return KeyMaterial.publicKey(config.publicKey().get());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("CODES_PUBLIC_KEY (guichet.codes.public-key): " + e.getMessage(), e);
        }
    }

    private static void refuseInProduction(boolean prod, String message) {
        if (prod) {
            throw new IllegalStateException("The mandate-service refuses to start: " + message);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}

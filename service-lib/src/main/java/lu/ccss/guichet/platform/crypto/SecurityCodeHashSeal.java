package lu.ccss.guichet.platform.crypto;

import lu.ccss.guichet.events.CertificationEvents.SealedSecurityCodeHash;
import lu.ccss.guichet.events.MandateEvents.SealedCodes;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.UUID;

/**
 * The holder's security-code hash as RequestTransmitted carries it: the Argon2id PHC string sealed with
 * {@link SealedBox} for the mandate-service's RSA key, and bound to the request id (associated data), so that only
 * the mandate-service reads it and a box taken from one request does not open as another's.
 */
public final class SecurityCodeHashSeal {

    private static final String CONTEXT = "RequestTransmitted.sealedSecurityCodeHash/";

    private SecurityCodeHashSeal() {
    }

    /** Seals an Argon2id hash of request {@code requestId} for the mandate-service key {@code keyId}. */
    public static SealedSecurityCodeHash seal(String argon2idHash, UUID requestId, PublicKey mandateKey,
                                              String keyId) {
        SealedCodes box = SealedBox.seal(argon2idHash.getBytes(StandardCharsets.UTF_8), mandateKey, keyId,
                CONTEXT + requestId);
        return new SealedSecurityCodeHash(box.keyId(), box.encryptedKey(), box.iv(), box.ciphertext());
    }

    /**
     * The PHC string inside the box; throws {@link IllegalStateException} when it was sealed for another key or
     * request, or tampered with. The string is not checked: see {@link Argon2idHasher#problem}.
     */
    public static String open(SealedSecurityCodeHash sealed, UUID requestId, PrivateKey mandateKey) {
        if (sealed == null || sealed.keyId() == null) {
            throw new IllegalStateException("No sealed security-code hash");
        }
        SealedCodes box = new SealedCodes(sealed.keyId(), sealed.encryptedKey(), sealed.iv(), sealed.ciphertext());
        return new String(SealedBox.open(box, mandateKey, CONTEXT + requestId), StandardCharsets.UTF_8);
    }
}

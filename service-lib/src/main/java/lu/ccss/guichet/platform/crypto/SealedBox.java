package lu.ccss.guichet.platform.crypto;

import lu.ccss.guichet.events.MandateEvents.SealedCodes;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hybrid encryption for one recipient: a fresh AES-256-GCM key encrypts the content and RSA-OAEP (SHA-256, MGF1
 * SHA-256) encrypts that key with the recipient's public key. The key id is bound to the ciphertext as associated
 * data. Only the holder of the private key can open the box.
 */
public final class SealedBox {

    private static final String RSA_OAEP = "RSA/ECB/OAEPWithSHA-256AndMGF1Padding";
    private static final OAEPParameterSpec OAEP = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            PSource.PSpecified.DEFAULT);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedBox() {
    }

    public static SealedCodes seal(byte[] content, PublicKey recipient, String keyId) {
        return seal(content, recipient, keyId, null);
    }

    /**
     * Seals {@code content} and binds it, besides the key id, to {@code context} (e.g. what the box is and the id of
     * the event it travels in): the box opens only with the same context, so it cannot be moved elsewhere.
     */
    public static SealedCodes seal(byte[] content, PublicKey recipient, String keyId, String context) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            SecretKey contentKey = generator.generateKey();
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            byte[] ciphertext = Aes.encrypt(contentKey, iv, content, associatedData(keyId, context));
            Cipher rsa = Cipher.getInstance(RSA_OAEP);
            rsa.init(Cipher.ENCRYPT_MODE, recipient, OAEP);
            byte[] wrappedKey = rsa.doFinal(contentKey.getEncoded());
            Base64.Encoder b64 = Base64.getEncoder();
            return new SealedCodes(keyId, b64.encodeToString(wrappedKey), b64.encodeToString(iv),
                    b64.encodeToString(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal", e);
        }
    }

    /** Opens a box sealed for {@code key}; throws if it was tampered with or sealed for another key. */
    public static byte[] open(SealedCodes box, PrivateKey key) {
        return open(box, key, null);
    }

    /** Opens a box sealed with {@link #seal(byte[], PublicKey, String, String)} for {@code key} and {@code context}. */
    public static byte[] open(SealedCodes box, PrivateKey key, String context) {
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            Cipher rsa = Cipher.getInstance(RSA_OAEP);
            rsa.init(Cipher.DECRYPT_MODE, key, OAEP);
            SecretKey contentKey = new SecretKeySpec(rsa.doFinal(b64.decode(box.encryptedKey())), "AES");
            return Aes.decrypt(contentKey, b64.decode(box.iv()), b64.decode(box.ciphertext()),
                    associatedData(box.keyId(), context));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("The sealed box cannot be opened with this key", e);
        }
    }

    private static byte[] associatedData(String keyId, String context) {
        return (context == null ? keyId : keyId + "\u0000" + context).getBytes(StandardCharsets.UTF_8);
    }

    /** AES-256-GCM with a 128-bit tag; also used for encryption at rest. */
    public static final class Aes {

        private Aes() {
        }

        public static byte[] encrypt(SecretKey key, byte[] iv, byte[] plaintext, byte[] associatedData)
                throws GeneralSecurityException {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            aes.updateAAD(associatedData);
            return aes.doFinal(plaintext);
        }

        public static byte[] decrypt(SecretKey key, byte[] iv, byte[] ciphertext, byte[] associatedData)
                throws GeneralSecurityException {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
            aes.updateAAD(associatedData);
            return aes.doFinal(ciphertext);
        }

        /** Encrypts with a fresh random IV, returned in front of the ciphertext. */
        public static byte[] encryptWithRandomIv(SecretKey key, byte[] plaintext, byte[] associatedData) {
            try {
                byte[] iv = new byte[12];
                RANDOM.nextBytes(iv);
                byte[] ciphertext = encrypt(key, iv, plaintext, associatedData);
                byte[] out = new byte[iv.length + ciphertext.length];
                System.arraycopy(iv, 0, out, 0, iv.length);
                System.arraycopy(ciphertext, 0, out, iv.length, ciphertext.length);
                return out;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Could not encrypt", e);
            }
        }

        /** Reverses {@link #encryptWithRandomIv}. */
        public static byte[] decryptWithIvPrefix(SecretKey key, byte[] ivAndCiphertext, byte[] associatedData) {
            try {
                byte[] iv = java.util.Arrays.copyOfRange(ivAndCiphertext, 0, 12);
                byte[] ciphertext = java.util.Arrays.copyOfRange(ivAndCiphertext, 12, ivAndCiphertext.length);
                return decrypt(key, iv, ciphertext, associatedData);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Could not decrypt", e);
            }
        }
    }
}

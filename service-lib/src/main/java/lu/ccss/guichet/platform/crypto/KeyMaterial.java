package lu.ccss.guichet.platform.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads and writes RSA keys as PEM (PKCS#8 private, X.509 SubjectPublicKeyInfo public). */
public final class KeyMaterial {

    private KeyMaterial() {
    }

    /**
     * A fresh RSA key pair for what is thrown away: a service's stand-in key in dev and test when none is configured
     * (production refuses to start without its configured keys), a test's "another key". 2048 bits, not the 3072 of
     * the keys operators configure: finding the primes is most of the cost, and a 3072-bit pair took 5–25 s in a test
     * JVM without C2 (no BigInteger intrinsics), seconds at every start in dev mode.
     */
    public static KeyPair throwAwayRsa() {
        return rsa(2048);
    }

    /** A fresh RSA key pair of {@code bits} bits. */
    public static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PEM text, or the path of a file holding one. */
    public static PublicKey publicKey(String pemOrPath) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pemOrPath)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an RSA public key in PEM form", e);
        }
    }

    /** A PEM text, or the path of a file holding one. */
    public static PrivateKey privateKey(String pemOrPath) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pemOrPath)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an RSA private key in PKCS#8 PEM form", e);
        }
    }

    public static String pem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    public static String pem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pemOrPath) {
        String text = pemOrPath.strip();
        if (!text.startsWith("-----BEGIN")) {
            try {
                text = Files.readString(Path.of(text));
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read key file " + pemOrPath, e);
            }
        }
        String base64 = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}

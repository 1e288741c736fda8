package lu.ccss.guichet.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * The print provider, the only one who gets letters with their codes: it downloads them with its own token (role
 * {@code print-provider}) and opens them with its private key. Written from the format in docs/mailing-service.md
 * ("Sealed downloads"), independently of the service's code, as a provider would. On the local stack the key pair
 * is the launcher's ({@code <data dir>/secrets/print-provider-private.pem}).
 */
public final class PrintProvider {

    /** Where, under a local stack's data directory, the launcher keeps the stand-in provider's private key. */
    public static final String LOCAL_PRIVATE_KEY = "secrets/print-provider-private.pem";

    private final Guichet api;
    private final PrivateKey key;

    public PrintProvider(Guichet api, PrivateKey key) {
        this.api = api;
        this.key = key;
    }

    /** The provider of the local stack whose data directory is {@code dataDir}. */
    public static PrintProvider local(Platform platform, Http http, Keycloak keycloak, Path dataDir) {
        return new PrintProvider(Guichet.printProvider(platform, http, keycloak),
                privateKey(dataDir.resolve(LOCAL_PRIVATE_KEY)));
    }

    public Guichet api() {
        return api;
    }

    /** A letter of a print batch as it is printed (codes inside): downloaded sealed, opened with the key. */
    public byte[] printedLetter(UUID letterId) {
        Response r = api.printableLetter(letterId).expect(200);
        return open(r.body(), key, "letter:" + letterId);
    }

    /** A print batch's archive (a ZIP of PDFs and manifest.csv), opened. */
    public byte[] archive(UUID batchId) {
        Response r = api.printArchive(batchId).expect(200);
        return open(r.body(), key, "print-batch:" + batchId);
    }

    /**
     * Opens a sealed download: "GSD1", then key id, subject and RSA-OAEP-wrapped AES key (each a big-endian 16-bit
     * length and the bytes), a 12-byte IV, then AES-256-GCM ciphertext and tag with every header byte as associated
     * data. Fails unless the subject is {@code expectedSubject}.
     */
    public static byte[] open(byte[] sealed, PrivateKey key, String expectedSubject) {
        try {
            ByteBuffer in = ByteBuffer.wrap(sealed);
            byte[] magic = new byte[4];
            in.get(magic);
            if (!Arrays.equals(magic, "GSD1".getBytes(StandardCharsets.US_ASCII))) {
                throw new IllegalStateException("not a sealed download");
            }
            field(in); // key id
            String subject = new String(field(in), StandardCharsets.UTF_8);
            if (!subject.equals(expectedSubject)) {
                throw new IllegalStateException("sealed for " + subject + ", expected " + expectedSubject);
            }
            byte[] wrapped = field(in);
            byte[] iv = new byte[12];
            in.get(iv);
            int header = in.position();
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
            rsa.init(Cipher.DECRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                    PSource.PSpecified.DEFAULT));
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(rsa.doFinal(wrapped), "AES"),
                    new GCMParameterSpec(128, iv));
            aes.updateAAD(sealed, 0, header);
            return aes.doFinal(sealed, header, sealed.length - header);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the sealed download does not open with the print provider's key", e);
        }
    }

    /** An RSA private key in PKCS#8 PEM form. */
    public static PrivateKey privateKey(Path pem) {
        try {
            String text = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(text)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the print provider's key " + pem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA private key in PKCS#8 PEM form: " + pem, e);
        }
    }

    private static byte[] field(ByteBuffer in) {
        byte[] value = new byte[Short.toUnsignedInt(in.getShort())];
        in.get(value);
        return value;
    }
}

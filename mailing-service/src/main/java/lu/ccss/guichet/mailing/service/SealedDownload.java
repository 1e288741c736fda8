package lu.ccss.guichet.mailing.service;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.CipherOutputStream;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * The format of everything the print provider downloads (a print archive, or one letter's printable PDF): hybrid
 * encryption for the provider's RSA key, like {@code SealedBox}, but streamed and in one binary file
 * ({@code application/vnd.ccss.sealed-download}, file name ending {@code .sealed}). Big-endian:
 *
 * <pre>
 * magic        4 bytes   "GSD1"
 * keyIdLength  2 bytes   then keyId, UTF-8: the id of the provider key it is sealed for
 * subjectLen   2 bytes   then subject, UTF-8: "print-batch:&lt;batch id&gt;" or "letter:&lt;letter id&gt;"
 * wrappedLen   2 bytes   then the AES-256 content key encrypted with RSA-OAEP (SHA-256, MGF1 with SHA-256, no label)
 * iv           12 bytes
 * ciphertext   the rest: AES-256-GCM of the content (a ZIP, or a PDF), its 16-byte tag at the end;
 *                        associated data = every byte before the ciphertext (magic to iv)
 * </pre>
 *
 * A fresh content key and IV per download. The header is authenticated, so the key id and the subject cannot be
 * changed without the tag failing. {@link #open} is the reference reader.
 */
public final class SealedDownload {

    public static final String MEDIA_TYPE = "application/vnd.ccss.sealed-download";
    static final byte[] MAGIC = "GSD1".getBytes(StandardCharsets.US_ASCII);
    private static final String RSA_OAEP = "RSA/ECB/OAEPWithSHA-256AndMGF1Padding";
    private static final OAEPParameterSpec OAEP = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            PSource.PSpecified.DEFAULT);
    private static final int IV_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedDownload() {
    }

    /**
     * Writes the header to {@code target} and answers the stream to write the content to; closing it writes the tag
     * (and does not close {@code target}).
     */
    public static OutputStream seal(OutputStream target, PublicKey recipient, String keyId, String subject)
            throws IOException {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            SecretKey contentKey = generator.generateKey();
            Cipher rsa = Cipher.getInstance(RSA_OAEP);
            rsa.init(Cipher.ENCRYPT_MODE, recipient, OAEP);
            byte[] wrapped = rsa.doFinal(contentKey.getEncoded());
            byte[] iv = new byte[IV_LENGTH];
            RANDOM.nextBytes(iv);

            ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
            DataOutputStream header = new DataOutputStream(headerBytes);
            header.write(MAGIC);
            field(header, keyId.getBytes(StandardCharsets.UTF_8));
            field(header, subject.getBytes(StandardCharsets.UTF_8));
            field(header, wrapped);
            header.write(iv);
            header.flush();
            byte[] aad = headerBytes.toByteArray();

            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, contentKey, new GCMParameterSpec(TAG_BITS, iv));
            aes.updateAAD(aad);
            target.write(aad);
            return new CipherOutputStream(new FilterOutputStream(target) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    out.flush();
                }
            }, aes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal for the print provider", e);
        }
    }

    /** Seals a whole content at once. */
    public static byte[] seal(byte[] content, PublicKey recipient, String keyId, String subject) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 1024);
        try (OutputStream sealed = seal(out, recipient, keyId, subject)) {
            sealed.write(content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** What a sealed download opens to. */
    public record Opened(String keyId, String subject, byte[] content) {
    }

    /** The reference reader: opens a sealed download with the provider's private key; throws if it was altered. */
    public static Opened open(byte[] sealed, PrivateKey key) {
        try {
            ByteBuffer in = ByteBuffer.wrap(sealed);
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IllegalArgumentException("Not a sealed download (magic GSD1 expected)");
            }
            String keyId = new String(field(in), StandardCharsets.UTF_8);
            String subject = new String(field(in), StandardCharsets.UTF_8);
            byte[] wrapped = field(in);
            byte[] iv = new byte[IV_LENGTH];
            in.get(iv);
            int headerLength = in.position();
            Cipher rsa = Cipher.getInstance(RSA_OAEP);
            rsa.init(Cipher.DECRYPT_MODE, key, OAEP);
            SecretKey contentKey = new SecretKeySpec(rsa.doFinal(wrapped), "AES");
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, contentKey, new GCMParameterSpec(TAG_BITS, iv));
            aes.updateAAD(sealed, 0, headerLength);
            byte[] content = aes.doFinal(sealed, headerLength, sealed.length - headerLength);
            return new Opened(keyId, subject, content);
        } catch (GeneralSecurityException | java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("The sealed download cannot be opened with this key (or was altered)",
                    e);
        }
    }

    private static void field(DataOutputStream out, byte[] value) throws IOException {
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException("Field too long");
        }
        out.writeShort(value.length);
        out.write(value);
    }

    private static byte[] field(ByteBuffer in) {
        byte[] value = new byte[Short.toUnsignedInt(in.getShort())];
        in.get(value);
        return value;
    }
}

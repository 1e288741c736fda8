package lu.ccss.guichet.certification.signing;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.security.cert.X509Certificate;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local run's path: no keystore configured, a generated self-signed certificate, still a verifying signature. */
class LocalPdfSignerTest {

    @Test
    void signsWithAGeneratedSelfSignedCertificate() throws Exception {
        SigningKey key = SigningKey.generateSelfSigned();
        X509Certificate certificate = key.certificate();
        certificate.verify(certificate.getPublicKey());
        certificate.checkValidity();
        assertEquals(SigningKey.GENERATED_SUBJECT, certificate.getSubjectX500Principal().getName());
        assertTrue(certificate.getKeyUsage()[0], "digitalSignature");
        assertTrue(certificate.getKeyUsage()[1], "nonRepudiation");

        SignedPdf signed = LocalPdfSigner.withKey(key).sign(onePagePdf(),
                new SignatureDetails("Test Signer", "test", null, Instant.now()));

        Object range = call("byteRange", new Class<?>[]{byte[].class}, signed.pdf());
        Object result = call("verify", new Class<?>[]{byte[].class, int[].class}, signed.pdf(), range);
        Method certificateOf = result.getClass().getDeclaredMethod("certificate");
        certificateOf.setAccessible(true);
        assertEquals(certificate, certificateOf.invoke(result));
        byte[] changed = signed.pdf().clone();
        changed[100] ^= 0x20;
        assertFalse((Boolean) call("verifies", new Class<?>[]{byte[].class, int[].class}, changed, range));
    }

    /** The independent checker lives in the parent test package. */
    private static Object call(String name, Class<?>[] types, Object... args) throws Exception {
        Method method = Class.forName("lu.ccss.guichet.certification.PdfSignatureCheck").getDeclaredMethod(name, types);
        method.setAccessible(true);
        return method.invoke(null, args);
    }

    private static byte[] onePagePdf() throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }
}

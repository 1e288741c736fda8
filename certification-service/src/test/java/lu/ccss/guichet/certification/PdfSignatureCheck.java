package lu.ccss.guichet.certification;

import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies an embedded PDF signature the way an outside verifier does, sharing no code with the signer: the
 * /ByteRange is read from the file's bytes, the /Contents hex string between the two ranges is the CMS, and Bouncy
 * Castle checks the CMS over the bytes the ranges cover.
 */
final class PdfSignatureCheck {

    private static final Pattern BYTE_RANGE = Pattern.compile(
            "/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]");

    /** What the check found. */
    record Result(int[] byteRange, X509Certificate certificate, boolean hasSigningCertificateV2) {
    }

    private PdfSignatureCheck() {
    }

    static int[] byteRange(byte[] pdf) {
        Matcher m = BYTE_RANGE.matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        if (!m.find()) {
            throw new AssertionError("No /ByteRange in the PDF");
        }
        int[] range = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4))};
        if (m.find()) {
            throw new AssertionError("More than one signature");
        }
        return range;
    }

    /** Verifies the signature of {@code pdf} over {@code range}; throws when it does not verify. */
    static Result verify(byte[] pdf, int[] range) throws CMSException, OperatorCreationException,
            CertificateException {
        if (range[0] != 0 || range[2] + range[3] != pdf.length || pdf[range[1]] != '<' || pdf[range[2] - 1] != '>') {
            throw new AssertionError("The byte ranges do not cover the whole file but the /Contents");
        }
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        signed.write(pdf, range[0], range[1]);
        signed.write(pdf, range[2], range[3]);
        String hex = new String(pdf, range[1] + 1, range[2] - range[1] - 2, StandardCharsets.US_ASCII);
        CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed.toByteArray()),
                ContentInfo.getInstance(firstObject(HexFormat.of().parseHex(hex))));
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        @SuppressWarnings("unchecked")
        X509CertificateHolder holder = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID())
                .iterator().next();
        if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder))) {
            throw new CMSException("signature does not verify");
        }
        boolean essV2 = signer.getSignedAttributes() != null
                && signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) != null;
        return new Result(range, new JcaX509CertificateConverter().getCertificate(holder), essV2);
    }

    /** The DER object at the start of the zero-padded /Contents. */
    private static ASN1Primitive firstObject(byte[] padded) {
        try (ASN1InputStream in = new ASN1InputStream(padded)) {
            return in.readObject();
        } catch (IOException e) {
            throw new AssertionError("/Contents is not DER", e);
        }
    }

    /** Whether the signature verifies, with the ranges read before any change. */
    static boolean verifies(byte[] pdf, int[] range) {
        try {
            verify(pdf, range);
            return true;
        } catch (CMSException e) {
            return false;
        } catch (OperatorCreationException | CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}

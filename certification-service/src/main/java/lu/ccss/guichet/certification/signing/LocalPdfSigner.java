package lu.ccss.guichet.certification.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import lu.ccss.guichet.certification.config.SigningConfig;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * The default signing adapter: an embedded PDF signature (SubFilter {@code adbe.pkcs7.detached}, a detached CMS over
 * the byte ranges, PAdES-style) made with a real key, so that any PDF reader or {@code pdfsig} verifies it. The key
 * and certificate come from a PKCS#12 keystore ({@code CERT_SIGNING_KEYSTORE}); without one, a self-signed
 * certificate is generated at startup and a WARNING says so. This seals the document with the service's key: the
 * person's own qualified signature is what the LuxTrust adapter is for.
 */
@ApplicationScoped
@Typed(LocalPdfSigner.class)
public class LocalPdfSigner implements SigningPort {

    private static final Logger LOG = Logger.getLogger(LocalPdfSigner.class);
    /** Room for the CMS: an RSA-3072 signature, a certificate chain of a few certificates. */
    private static final int SIGNATURE_SIZE = 16 * 1024;

    private static final String DEFAULT_LOCATION = "MyGuichet.lu";

    /** Null for a signer built with {@link #withKey}. */
    private final SigningConfig.Local config;
    private volatile SigningKey key;

    @Inject
    public LocalPdfSigner(SigningConfig config) {
        this(config.local(), null);
    }

    private LocalPdfSigner(SigningConfig.Local config, SigningKey key) {
        this.config = config;
        this.key = key;
    }

    /** A signer with a key of its own, outside the application (a tool, a test). */
    public static LocalPdfSigner withKey(SigningKey key) {
        return new LocalPdfSigner(null, key);
    }

    @Override
    public String provider() {
        return "local";
    }

    @Override
    public SignedPdf sign(byte[] pdf, SignatureDetails details) {
        SigningKey signingKey = key();
        Calendar when = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        when.setTimeInMillis(details.signingTime().toEpochMilli());
        try (PDDocument document = Loader.loadPDF(pdf);
             SignatureOptions options = new SignatureOptions();
             ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName(details.signerName());
            signature.setReason(details.reason());
            signature.setLocation(details.location() != null ? details.location() : location());
            signature.setSignDate(when);
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            document.addSignature(signature, content -> CmsSigner.sign(content, signingKey), options);
            document.saveIncremental(out);
            return new SignedPdf(out.toByteArray(), signingKey.certificate().getSubjectX500Principal().getName());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not sign the document", e);
        }
    }

    /** The key, read or generated on first use. */
    public SigningKey key() {
        SigningKey current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = load();
                }
                current = key;
            }
        }
        return current;
    }

    private String location() {
        return config != null ? config.location() : DEFAULT_LOCATION;
    }

    private SigningKey load() {
        if (config.keystore().isPresent()) {
            Path keystore = Path.of(config.keystore().get());
            char[] password = config.keystorePassword().orElse("").toCharArray();
            SigningKey loaded = SigningKey.fromPkcs12(keystore, password, config.keyAlias().orElse(null));
            LOG.infof("Signing request documents with the certificate %s from %s",
                    loaded.certificate().getSubjectX500Principal().getName(), keystore);
            return loaded;
        }
        SigningKey generated = SigningKey.generateSelfSigned();
        LOG.warnf("No signing keystore configured (CERT_SIGNING_KEYSTORE): request documents are signed with a "
                + "GENERATED self-signed certificate (%s, serial %s) for this local run only. Configure a real "
                + "keystore, or guichet.signing.provider=luxtrust, in production.",
                generated.certificate().getSubjectX500Principal().getName(),
                generated.certificate().getSerialNumber().toString(16));
        return generated;
    }
}

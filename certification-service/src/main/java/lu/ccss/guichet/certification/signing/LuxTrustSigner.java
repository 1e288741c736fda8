package lu.ccss.guichet.certification.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import lu.ccss.guichet.certification.config.SigningConfig;
import lu.ccss.guichet.platform.errors.DomainException;

/**
 * The production adapter's place: signing by the employer with a LuxTrust certificate. The LuxTrust signing service
 * is not reachable from this environment (no network but the package registries, no contract), so this skeleton
 * answers 503 with that reason and never pretends a document was signed. Implementing it means: start a signing
 * session for the PDF's byte-range digest, redirect the person to LuxTrust, and on the callback embed the returned
 * CMS into the reserved /Contents of the same PDF (see {@link LocalPdfSigner} for the embedding).
 */
@ApplicationScoped
@Typed(LuxTrustSigner.class)
public class LuxTrustSigner implements SigningPort {

    public static final String NOT_REACHABLE = "LuxTrust signing is not reachable from this environment";

    private final SigningConfig.LuxTrust config;

    public LuxTrustSigner(SigningConfig config) {
        this.config = config.luxtrust();
    }

    @Override
    public String provider() {
        return "luxtrust";
    }

    @Override
    public SignedPdf sign(byte[] pdf, SignatureDetails details) {
        throw DomainException.unavailable("Signing service unavailable", NOT_REACHABLE
                + config.endpoint().map(e -> " (configured endpoint " + e + ")").orElse("")
                + "; the request stays CONFIRMED and can be signed once the service is reachable");
    }
}

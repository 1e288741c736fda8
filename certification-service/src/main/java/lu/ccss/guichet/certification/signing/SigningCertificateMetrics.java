package lu.ccss.guichet.certification.signing;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.certification.config.SigningConfig;
import lu.ccss.guichet.platform.metrics.CertificateExpiry;

/**
 * When the local signer's certificate expires, for the chart's alert GuichetSigningCertificateExpiring:
 * {@code guichet_certificate_expiry_timestamp_seconds{certificate="signing"}}. Only with the local signer (a
 * keystore this service holds); with LuxTrust the certificate is the provider's, and no gauge is registered.
 */
@Startup
@ApplicationScoped
public class SigningCertificateMetrics {

    public static final String CERTIFICATE = "signing";

    public SigningCertificateMetrics(SigningConfig config, LocalPdfSigner signer, MeterRegistry registry) {
        if (config.provider() == SigningConfig.Provider.LOCAL) {
            CertificateExpiry.register(registry, CERTIFICATE, () -> signer.key().certificate().getNotAfter().toInstant());
        }
    }
}

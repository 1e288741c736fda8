package lu.ccss.guichet.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * When a certificate a service uses expires, on {@code /q/metrics}:
 * {@code guichet_certificate_expiry_timestamp_seconds{certificate="<name>"}} (Unix time of its notAfter; NaN while
 * it cannot be read). The alert {@code GuichetSigningCertificateExpiring} of the Helm chart fires 30 days before.
 */
public final class CertificateExpiry {

    /** The meter's name; Prometheus shows it as guichet_certificate_expiry_timestamp_seconds. */
    public static final String NAME = "guichet.certificate.expiry.timestamp";

    private CertificateExpiry() {
    }

    /**
     * Registers the gauge for one certificate. {@code notAfter} is asked at each scrape (it may load the certificate
     * lazily, or follow a reload); an exception or null shows as NaN.
     */
    public static Gauge register(MeterRegistry registry, String certificate, Supplier<Instant> notAfter) {
        return Gauge.builder(NAME, notAfter, CertificateExpiry::epochSeconds)
                .baseUnit("seconds")
                .tag("certificate", certificate)
                .description("When the certificate expires (its notAfter, Unix time)")
                .strongReference(true)
                .register(registry);
    }

    private static double epochSeconds(Supplier<Instant> notAfter) {
        try {
            Instant at = notAfter.get();
            return at == null ? Double.NaN : at.getEpochSecond();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}

package lu.ccss.guichet.platform.metrics;

import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The certificate-expiry gauge under the name the chart's alert and dashboard use. */
class CertificateExpiryTest {

    @Test
    void exposesTheNotAfterAsUnixSecondsUnderTheAlertsName() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        CertificateExpiry.register(registry, "signing", () -> Instant.parse("2027-06-30T12:00:00Z"));
        String scrape = registry.scrape();
        assertTrue(scrape.lines().anyMatch(l -> l.startsWith("guichet_certificate_expiry_timestamp_seconds{certificate=\"signing\"")
                && l.endsWith(" 1.8143568E9")), scrape);
    }

    @Test
    void aCertificateThatCannotBeReadIsNaNNotAnError() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        CertificateExpiry.register(registry, "broken", () -> {
            throw new IllegalStateException("keystore missing");
        });
        String scrape = registry.scrape();
        assertTrue(scrape.lines().anyMatch(l -> l.startsWith("guichet_certificate_expiry_timestamp_seconds{certificate=\"broken\"")
                && l.endsWith(" NaN")), scrape);
    }
}

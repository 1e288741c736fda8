package lu.ccss.guichet.certification;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import lu.ccss.guichet.certification.signing.LocalPdfSigner;
import lu.ccss.guichet.testing.MetricsCatalogue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The metrics the Helm chart's alerts take from the certification-service (deploy/helm/metrics.txt) are on
 * /q/metrics: the signing certificate's expiry is the notAfter of the test keystore's certificate.
 */
@QuarkusTest
class MetricsExposedTest {

    @Inject
    LocalPdfSigner signer;

    @Test
    void theSigningCertificatesExpiryIsExposedUnderTheNameTheAlertUses() {
        String scrape = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertEquals(List.of(), MetricsCatalogue.missing("certification-service", scrape));
        double notAfter = signer.key().certificate().getNotAfter().toInstant().getEpochSecond();
        assertTrue(scrape.lines().anyMatch(l -> l.startsWith("guichet_certificate_expiry_timestamp_seconds{certificate=\"signing\"")
                && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) == notAfter), scrape);
    }
}

package lu.ccss.guichet.mandate;

import io.quarkus.test.junit.QuarkusTest;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.MandateEvents.CodeKind;
import lu.ccss.guichet.testing.MetricsCatalogue;
import lu.ccss.guichet.testing.TestData;
import lu.ccss.guichet.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.mandate.Scenario.certify;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The metrics the Helm chart's dashboard takes from the mandate-service (deploy/helm/metrics.txt) are on /q/metrics,
 * and guichet_codes_locked_total counts a lock.
 */
@QuarkusTest
class MetricsExposedTest {

    @Test
    void aLockedCodeIsCountedUnderTheNameTheDashboardUses() {
        double before = lockedTotal(scrape());
        Scenario.Issued issued = Scenario.issueAndPost(TestData.newRegistrationNumber());
        String holder = Tokens.newUser();
        UUID space = Scenario.spaceOf(holder);
        String access = issued.code(CodeKind.HOLDER_ACCESS, Domain.EMPLOYER_DATA);
        for (int attempt = 1; attempt <= 5; attempt++) {
            certify(holder, space, Domain.EMPLOYER_DATA, Capacity.HOLDER, access, "Wrong-" + attempt).then().statusCode(422);
        }
        String scrape = scrape();
        assertEquals(before + 1, lockedTotal(scrape), 0.0001);
        assertEquals(List.of(), MetricsCatalogue.missing("mandate-service", scrape));
    }

    private static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double lockedTotal(String scrape) {
        return scrape.lines().filter(l -> l.startsWith("guichet_codes_locked_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}

package lu.ccss.guichet.mailing;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import lu.ccss.guichet.mailing.service.LettersAwaitingPrint;
import lu.ccss.guichet.testing.MetricsCatalogue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The metrics the Helm chart's dashboard takes from the mailing-service (deploy/helm/metrics.txt) are on /q/metrics;
 * guichet_letters_awaiting_print is the number of letters waiting for a print batch.
 */
@QuarkusTest
class MetricsExposedTest {

    @Inject
    LettersAwaitingPrint lettersAwaitingPrint;

    @Test
    void lettersAwaitingPrintAreExposedUnderTheNameTheDashboardUses() {
        long measured = lettersAwaitingPrint.measure();
        assertEquals(count("select count(*) from letter where status = 'GENERATED'"), measured);
        String scrape = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertEquals(List.of(), MetricsCatalogue.missing("mailing-service", scrape));
        assertTrue(scrape.lines().anyMatch(l -> l.startsWith("guichet_letters_awaiting_print")
                && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) == measured), scrape);
    }
}

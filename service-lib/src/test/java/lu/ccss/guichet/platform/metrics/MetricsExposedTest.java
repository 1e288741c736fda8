package lu.ccss.guichet.platform.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MemberRole;
import lu.ccss.guichet.events.SpaceEvents.MemberAdded;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.testing.MetricsCatalogue;
import lu.ccss.guichet.testing.TopicReader;
import lu.ccss.guichet.testing.TopicWriter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every metric the Helm chart's dashboard and alerts take from service-lib (deploy/helm/metrics.txt) is on
 * /q/metrics under that name, once the service has answered a request and dead-lettered a record.
 */
@QuarkusTest
class MetricsExposedTest {

    @Inject
    ObjectMapper json;

    @Test
    void everyMetricTheChartUsesFromServiceLibIsExposed() throws Exception {
        assertFalse(MetricsCatalogue.exposedBy("service-lib").isEmpty());
        // A request (http_server_requests_*) and a forged event, dead-lettered (guichet_events_dead_lettered_total).
        given().when().get("/api/probe/notes").then().statusCode(401);
        UUID space = UUID.randomUUID();
        String forged = UUID.randomUUID().toString();
        TopicWriter.publish(Topics.SPACE, space.toString(), forged, EventTypes.MEMBER_ADDED.type(),
                "/guichet/mandate-service", json.writeValueAsString(
                        new MemberAdded(space, "intruder", MemberRole.ADMINISTRATOR, "Intruder", Instant.now())));
        TopicReader.await("guichet.lib-test.dead-letter", r -> forged.equals(TopicReader.header(r, "ce_id")), 1,
                Duration.ofSeconds(30));

        String scrape = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertEquals(List.of(), MetricsCatalogue.missing("service-lib", scrape));
    }
}

package lu.ccss.guichet.edelivery;

import io.quarkus.test.junit.QuarkusTest;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.testing.Tokens;
import lu.ccss.guichet.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.edelivery.EDeliveryApi.activate;
import static lu.ccss.guichet.edelivery.EDeliveryApi.certificationGranted;
import static lu.ccss.guichet.edelivery.EDeliveryApi.domainFirstUsed;
import static lu.ccss.guichet.edelivery.EDeliveryApi.memberAdded;
import static lu.ccss.guichet.edelivery.EDeliveryApi.newEmployer;
import static lu.ccss.guichet.testing.TestDatabase.awaitCount;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static lu.ccss.guichet.testing.Tokens.newUser;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class EDeliveryActivationTest {

    private static final String ACTIVATED = "lu.ccss.edelivery.activated.v1";

    private static List<ConsumerRecord<String, String>> activations(UUID space) {
        return TopicReader.readAll(Topics.EDELIVERY).stream()
                .filter(r -> space.toString().equals(r.key()) && ACTIVATED.equals(TopicReader.header(r, "ce_type")))
                .toList();
    }

    @Test
    void domainFirstUsedSwitchesEDeliveryOnAndPublishesEDeliveryActivatedOnce() throws Exception {
        UUID space = UUID.randomUUID();
        String employer = newEmployer();
        String eventId = domainFirstUsed(space, employer, "REMUNERATIONS");
        // The same event redelivered, and a second DomainFirstUsed for the same space, employer and domain.
        EDeliveryApi.domainFirstUsed(eventId, space, employer, "REMUNERATIONS");
        domainFirstUsed(space, employer, "REMUNERATIONS");
        // A marker behind them on the same partition: once it is handled, so are they.
        domainFirstUsed(space, employer, "BILLING");
        awaitCount("select count(*) from edelivery_activation where space_id = '" + space + "'", 2);
        awaitCount("select count(*) from outbox_event where aggregate_id = '" + space + "' and published_at is null", 0);

        assertEquals(2, count("select count(*) from outbox_event where aggregate_id = '" + space
                + "' and event_type = '" + ACTIVATED + "'"));
        TopicReader.await(Topics.EDELIVERY, r -> space.toString().equals(r.key()), 2, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> published = activations(space);
        assertEquals(2, published.size());
        assertEquals(1, published.stream().filter(r -> r.value().contains("\"domain\":\"REMUNERATIONS\"")).count());
        org.hamcrest.MatcherAssert.assertThat(published.get(0).value(),
                org.hamcrest.Matchers.containsString("\"employer\":\"" + employer + "\""));
        assertEquals("/guichet/edelivery-service", TopicReader.header(published.get(0), "ce_source"));
    }

    @Test
    void membersSeePerEmployerAndDomainWhetherEDeliveryIsOnAndSinceWhen() throws Exception {
        UUID space = UUID.randomUUID();
        String alice = newUser();
        String employer = newEmployer();
        memberAdded(space, alice);
        certificationGranted(space, employer, "AFFILIATIONS");
        certificationGranted(space, employer, "BILLING");
        activate(space, employer, "BILLING");

        given().auth().oauth2(Tokens.user(alice)).when().get("/api/spaces/" + space + "/edelivery")
                .then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].employer", equalTo(employer))
                .body("[0].domain", equalTo("AFFILIATIONS"))
                .body("[0].active", equalTo(false))
                .body("[0].since", nullValue())
                .body("[1].domain", equalTo("BILLING"))
                .body("[1].active", equalTo(true))
                .body("[1].since", notNullValue());
    }

    @Test
    void documentsItsEndpointsInOpenApi() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/spaces/{spaceId}/edelivery"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/spaces/{spaceId}/edelivery/documents"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/spaces/{spaceId}/edelivery/documents/{documentId}"));
    }

    @Test
    void strangersGet404AndAnonymousCallers401() throws Exception {
        UUID space = UUID.randomUUID();
        memberAdded(space, newUser());
        activate(space, newEmployer(), "BILLING");
        given().auth().oauth2(Tokens.user(newUser())).when().get("/api/spaces/" + space + "/edelivery")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/spaces/" + space + "/edelivery").then().statusCode(401);
        given().auth().oauth2(Tokens.domainSystem()).when().get("/api/spaces/" + space + "/edelivery")
                .then().statusCode(403);
    }
}

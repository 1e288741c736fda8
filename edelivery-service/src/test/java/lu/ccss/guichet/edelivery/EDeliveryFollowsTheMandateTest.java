package lu.ccss.guichet.edelivery;

import io.quarkus.test.junit.QuarkusTest;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.MandateEvents.RevocationReason;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.testing.Tokens;
import lu.ccss.guichet.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.edelivery.EDeliveryApi.DEAD_LETTER;
import static lu.ccss.guichet.edelivery.EDeliveryApi.activate;
import static lu.ccss.guichet.edelivery.EDeliveryApi.awaitStored;
import static lu.ccss.guichet.edelivery.EDeliveryApi.certificationGranted;
import static lu.ccss.guichet.edelivery.EDeliveryApi.documentRouted;
import static lu.ccss.guichet.edelivery.EDeliveryApi.domainFirstUsed;
import static lu.ccss.guichet.edelivery.EDeliveryApi.mandateRevoked;
import static lu.ccss.guichet.edelivery.EDeliveryApi.memberAdded;
import static lu.ccss.guichet.edelivery.EDeliveryApi.newEmployer;
import static lu.ccss.guichet.edelivery.EDeliveryApi.pdf;
import static lu.ccss.guichet.testing.TestDatabase.awaitCount;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static lu.ccss.guichet.testing.Tokens.newUser;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 12: eDelivery and inbox access follow the mandate. */
@QuarkusTest
class EDeliveryFollowsTheMandateTest {

    private static final String STOPPED = "lu.ccss.edelivery.stopped.v1";

    private static String inbox(UUID space) {
        return "/api/spaces/" + space + "/edelivery/documents";
    }

    private static List<ConsumerRecord<String, String>> stoppedEvents(UUID space) {
        return TopicReader.readAll(Topics.EDELIVERY).stream()
                .filter(r -> space.toString().equals(r.key()) && STOPPED.equals(TopicReader.header(r, "ce_type")))
                .toList();
    }

    @Test
    void aRevokedMandateStopsEDeliveryOnceAndHidesThatDomainsDocumentsOnly() throws Exception {
        UUID space = UUID.randomUUID();
        String alice = newUser();
        String employer = newEmployer();
        memberAdded(space, alice);
        UUID billingMandate = certificationGranted(space, employer, "BILLING", Capacity.HOLDER);
        certificationGranted(space, employer, "AFFILIATIONS", Capacity.HOLDER);
        activate(space, employer, "BILLING");
        activate(space, employer, "AFFILIATIONS");
        UUID bill = UUID.randomUUID();
        UUID affiliation = UUID.randomUUID();
        documentRouted(bill, space, employer, "BILLING", "Statement", pdf("bill", 0), Instant.now());
        documentRouted(affiliation, space, employer, "AFFILIATIONS", "Affiliation", pdf("aff", 0), Instant.now());
        awaitStored(bill);
        awaitStored(affiliation);
        given().auth().oauth2(Tokens.user(alice)).when().get(inbox(space) + "/" + bill).then().statusCode(200);

        mandateRevoked(billingMandate, space, employer, "BILLING", Capacity.HOLDER, RevocationReason.REPLACED);

        assertEquals(1, count("select count(*) from edelivery_activation where space_id = '" + space
                + "' and domain = 'BILLING' and stopped_at is not null and stop_reason = 'REPLACED'"),
                "the activation stays as history, stopped");
        given().auth().oauth2(Tokens.user(alice)).when().get(inbox(space))
                .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items.id", contains(affiliation.toString()));
        given().auth().oauth2(Tokens.user(alice)).queryParam("domain", "BILLING").when().get(inbox(space))
                .then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(Tokens.user(alice)).when().get(inbox(space) + "/" + bill)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user(alice)).when().get(inbox(space) + "/" + affiliation).then().statusCode(200);
        given().auth().oauth2(Tokens.user(alice)).when().get("/api/spaces/" + space + "/edelivery")
                .then().statusCode(200)
                .body("find { it.domain == 'BILLING' }.active", equalTo(false))
                .body("find { it.domain == 'BILLING' }.since", nullValue())
                .body("find { it.domain == 'BILLING' }.stoppedAt", notNullValue())
                .body("find { it.domain == 'BILLING' }.stopReason", equalTo("REPLACED"))
                .body("find { it.domain == 'AFFILIATIONS' }.active", equalTo(true))
                .body("find { it.domain == 'AFFILIATIONS' }.stoppedAt", nullValue());

        // The same revocation again under another event id, and a late DomainFirstUsed: nothing changes.
        mandateRevoked(billingMandate, space, employer, "BILLING", Capacity.HOLDER, RevocationReason.REPLACED);
        String lateUse = domainFirstUsed(space, employer, "BILLING");
        awaitCount("select count(*) from processed_event where event_id = '" + lateUse
                + "' and consumer = 'space-usage-events'", 1);
        awaitCount("select count(*) from outbox_event where aggregate_id = '" + space + "' and published_at is null", 0);
        TopicReader.await(Topics.EDELIVERY, r -> space.toString().equals(r.key())
                && STOPPED.equals(TopicReader.header(r, "ce_type")), 1, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> stopped = stoppedEvents(space);
        assertEquals(1, stopped.size(), "EDeliveryStopped once");
        assertThat(stopped.get(0).value(), containsString("\"domain\":\"BILLING\""));
        assertThat(stopped.get(0).value(), containsString("\"employer\":\"" + employer + "\""));
        assertThat(stopped.get(0).value(), containsString("\"reason\":\"REPLACED\""));
        assertEquals(0, count("select count(*) from edelivery_activation where space_id = '" + space
                + "' and domain = 'BILLING' and stopped_at is null"), "a late first use does not switch it on again");

        // A document routed before the mailing-service learnt of the stop never becomes readable by the space.
        UUID late = UUID.randomUUID();
        documentRouted(late, space, employer, "BILLING", "Late statement", pdf("late", 0), Instant.now());
        ConsumerRecord<String, String> dead = TopicReader.await(DEAD_LETTER, r -> late.toString().equals(r.key()), 1,
                Duration.ofSeconds(30)).get(0);
        assertThat(TopicReader.header(dead, "dead-letter-reason"), containsString("eDelivery is not active"));
        assertEquals(0, count("select count(*) from inbox_document where id = '" + late + "'"));
        given().auth().oauth2(Tokens.user(alice)).when().get(inbox(space) + "/" + late).then().statusCode(404);
    }

    @Test
    void aSpaceStillHoldingAnotherMandateForTheTripleKeepsItsEDelivery() throws Exception {
        UUID space = UUID.randomUUID();
        String alice = newUser();
        String employer = newEmployer();
        memberAdded(space, alice);
        UUID asAgent = certificationGranted(space, employer, "REMUNERATIONS", Capacity.AGENT);
        certificationGranted(space, employer, "REMUNERATIONS", Capacity.HOLDER);
        activate(space, employer, "REMUNERATIONS");
        UUID payslip = UUID.randomUUID();
        documentRouted(payslip, space, employer, "REMUNERATIONS", "Pay", pdf("pay", 0), Instant.now());
        awaitStored(payslip);

        mandateRevoked(asAgent, space, employer, "REMUNERATIONS", Capacity.AGENT, RevocationReason.WITHDRAWN);

        assertEquals(1, count("select count(*) from edelivery_activation where space_id = '" + space
                + "' and stopped_at is null"));
        given().auth().oauth2(Tokens.user(alice)).when().get(inbox(space))
                .then().statusCode(200).body("items.id", contains(payslip.toString()));
        given().auth().oauth2(Tokens.user(alice)).when().get(inbox(space) + "/" + payslip).then().statusCode(200);
        assertEquals(0, count("select count(*) from outbox_event where aggregate_id = '" + space
                + "' and event_type = '" + STOPPED + "'"));
        assertEquals(0, stoppedEvents(space).size());
    }
}

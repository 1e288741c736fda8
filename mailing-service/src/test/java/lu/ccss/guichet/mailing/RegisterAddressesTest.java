package lu.ccss.guichet.mailing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.EDeliveryEvents.EDeliveryActivated;
import lu.ccss.guichet.events.EDeliveryEvents.EDeliveryStopped;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MandateEvents.RevocationReason;
import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.events.RegisterEvents.PartyKind;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.testing.TestData;
import lu.ccss.guichet.testing.TestRegister;
import lu.ccss.guichet.testing.TopicReader;
import lu.ccss.guichet.testing.TopicWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.mailing.DocumentsTest.ELSEWHERE;
import static lu.ccss.guichet.mailing.DocumentsTest.activateEDelivery;
import static lu.ccss.guichet.mailing.DocumentsTest.document;
import static lu.ccss.guichet.mailing.DocumentsTest.samplePdf;
import static lu.ccss.guichet.mailing.DocumentsTest.send;
import static lu.ccss.guichet.mailing.MailingApi.addressWindow;
import static lu.ccss.guichet.mailing.MailingApi.awaitLetters;
import static lu.ccss.guichet.mailing.MailingApi.count;
import static lu.ccss.guichet.mailing.MailingApi.letter;
import static lu.ccss.guichet.mailing.MailingApi.letterOfKind;
import static lu.ccss.guichet.mailing.MailingApi.operator;
import static lu.ccss.guichet.mailing.MailingApi.pdf;
import static lu.ccss.guichet.mailing.MailingApi.text;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Issue 12: letters go to the employer register's addresses; documents follow eDelivery where it is on now. */
@QuarkusTest
class RegisterAddressesTest {

    private static final PostalAddress REGISTERED_AGENT = new PostalAddress("Boulevard Royal", "2", "L-2449",
            "Luxembourg", "LU");

    /**
     * A CodesIssued v1 published before the upgrade is still read (as v2), and its letters go to the register's
     * names and addresses: the addresses it carried are ignored.
     */
    @Test
    void codeLettersGoToTheRegistersAddressesEvenIfAnOldCodesIssuedV1CarriedAnother() throws Exception {
        CodesIssuedFixture request = CodesIssuedFixture.request("fr")
                .withAgent("Fiduciaire Weber", ELSEWHERE, Domain.BILLING);
        request.registerParties = false;
        TestRegister.register(request.employer, PartyKind.EMPLOYER, "Schmit Registered S.A.",
                TestRegister.EMPLOYER_ADDRESS, "fr");
        String agent = request.agents.get(0).registrationNumber();
        TestRegister.register(agent, PartyKind.PROFESSIONAL_AGENT, "Weber Registered S.A.", REGISTERED_AGENT, "de");
        TestRegister.awaitKnown(request.employer, "ACTIVE");
        TestRegister.awaitKnown(agent, "ACTIVE");
        CodeLettersTest.awaitProcessed(request.publishV1());

        List<Map<String, Object>> letters = awaitLetters(request.requestId, 2);
        Map<String, Object> employer = letterOfKind(letters, "CODES_EMPLOYER", "Schmit Registered S.A.");
        Map<String, Object> agentLetter = letterOfKind(letters, "CODES_AGENT", "Weber Registered S.A.");
        assertEquals("Rue du Registre", ((Map<?, ?>) employer.get("address")).get("street"));
        assertEquals("Boulevard Royal", ((Map<?, ?>) agentLetter.get("address")).get("street"));
        String employerWindow = addressWindow(pdf(employer.get("id")));
        assertThat(employerWindow, containsString("1, Rue du Registre"));
        assertThat(employerWindow, not(containsString("Liberté")));
        String agentWindow = addressWindow(pdf(agentLetter.get("id")));
        assertThat(agentWindow, containsString("2, Boulevard Royal"));
        assertThat(agentWindow, not(containsString(ELSEWHERE.street())));
        assertEquals(0, count("select count(*) from letter where request_id = ?::uuid and street <> 'Rue du Registre' "
                + "and street <> 'Boulevard Royal'", request.requestId.toString()));
    }

    /**
     * A code letter whose recipient the register projection does not name is not sent to the address the event
     * carried: the whole CodesIssued makes nothing and waits in the dead-letter topic; replayed once the register
     * names the recipient, its letters go to the registered address.
     */
    @Test
    void aCodeLetterToARecipientTheRegisterDoesNotNameIsHeldNotSentToTheEventsAddress() throws Exception {
        CodesIssuedFixture request = CodesIssuedFixture.request("fr")
                .withAgent("Fiduciaire Weber", ELSEWHERE, Domain.BILLING);
        request.registerParties = false;
        TestRegister.register(request.employer, PartyKind.EMPLOYER, "Schmit Registered S.A.",
                TestRegister.EMPLOYER_ADDRESS, "fr");
        TestRegister.awaitKnown(request.employer, "ACTIVE");
        String eventId = UUID.randomUUID().toString();
        request.publishV1(eventId);

        ConsumerRecord<String, String> dead = TopicReader.await(CodeLettersTest.DEAD_LETTERS,
                r -> eventId.equals(TopicReader.header(r, "ce_id")), 1, Duration.ofSeconds(60)).get(0);
        assertThat(TopicReader.header(dead, "dead-letter-reason"), containsString("does not name the agent"));
        assertEquals(0, count("select count(*) from letter where request_id = ?::uuid",
                request.requestId.toString()), "no letter at all, not even the employer's");

        String agent = request.agents.get(0).registrationNumber();
        TestRegister.register(agent, PartyKind.PROFESSIONAL_AGENT, "Weber Registered S.A.", REGISTERED_AGENT, "de");
        TestRegister.awaitKnown(agent, "ACTIVE");
        request.publishV1(eventId); // the operator's replay of the dead-lettered record

        List<Map<String, Object>> letters = awaitLetters(request.requestId, 2);
        assertEquals("Boulevard Royal", ((Map<?, ?>) letterOfKind(letters, "CODES_AGENT", "Weber Registered S.A.")
                .get("address")).get("street"));
    }

    /** The same for an employer the register does not name: no letter goes anywhere. */
    @Test
    void codesIssuedForAnEmployerTheRegisterDoesNotNameMakesNoLetter() throws Exception {
        CodesIssuedFixture request = CodesIssuedFixture.request("de");
        request.registerParties = false;
        String eventId = request.publish();

        ConsumerRecord<String, String> dead = TopicReader.await(CodeLettersTest.DEAD_LETTERS,
                r -> eventId.equals(TopicReader.header(r, "ce_id")), 1, Duration.ofSeconds(60)).get(0);
        assertThat(TopicReader.header(dead, "dead-letter-reason"), containsString("does not name the employer"));
        assertEquals(0, count("select count(*) from letter where request_id = ?::uuid",
                request.requestId.toString()));
    }

    /** A ceased party the register never gave an address to: the letter is recorded void, with no address. */
    @Test
    void aLetterToAnEmployerKnownOnlyAsCeasedIsVoidWithoutAnAddress() throws Exception {
        CodesIssuedFixture request = CodesIssuedFixture.request("fr");
        request.registerParties = false;
        TestRegister.cease(request.employer);
        TestRegister.awaitKnown(request.employer, "CEASED");
        request.publish();

        Map<String, Object> voided = awaitLetters(request.requestId, 1).get(0);
        assertEquals("VOIDED", voided.get("status"));
        assertNull(voided.get("address"));
        assertEquals(1, count("select count(*) from letter where request_id = ?::uuid and street is null",
                request.requestId.toString()));
    }

    @Test
    void noCodesArePrintedForACeasedAgentOrEmployer() throws Exception {
        CodesIssuedFixture request = CodesIssuedFixture.request("fr")
                .withAgent("Fiduciaire Weber", CodeLettersTest.WEBER, Domain.BILLING);
        request.registerParties();
        String agent = request.agents.get(0).registrationNumber();
        TestRegister.cease(agent);
        TestRegister.awaitKnown(agent, "CEASED");
        request.publish();

        List<Map<String, Object>> letters = awaitLetters(request.requestId, 2);
        Map<String, Object> voided = letterOfKind(letters, "CODES_AGENT", null);
        assertEquals("VOIDED", voided.get("status"));
        assertNull(voided.get("pages"));
        assertEquals(false, voided.get("pdfAvailable"));
        assertThat(String.valueOf(voided.get("history")), containsString("ceased"));
        given().auth().oauth2(operator()).when().get("/api/letters/" + voided.get("id") + "/pdf")
                .then().statusCode(410);
        assertEquals("GENERATED", letterOfKind(letters, "CODES_EMPLOYER", null).get("status"));

        CodesIssuedFixture ceasedEmployer = CodesIssuedFixture.request("de")
                .withAgent("Lohnbüro Klein GmbH", CodeLettersTest.KLEIN, Domain.AFFILIATIONS);
        ceasedEmployer.registerParties();
        TestRegister.cease(ceasedEmployer.employer);
        TestRegister.awaitKnown(ceasedEmployer.employer, "CEASED");
        ceasedEmployer.publish();
        List<Map<String, Object>> none = awaitLetters(ceasedEmployer.requestId, 2);
        none.forEach(l -> assertEquals("VOIDED", l.get("status"), "no codes for a ceased employer: " + l));
        assertEquals(0, count("select count(*) from letter where request_id = ?::uuid and pdf_encrypted is not null",
                ceasedEmployer.requestId.toString()));
    }

    @Test
    void aDocumentByPostGoesToTheRegisteredAddressWhateverTheSenderSays() throws Exception {
        String employer = TestRegister.awaitNewEmployer();
        Map<String, Object> body = document(UUID.randomUUID(), employer, Domain.EMPLOYER_DATA, samplePdf("Data", 1));
        body.put("recipient", Map.of("name", "Garage Muller S.A.", "address", ELSEWHERE));
        body.put("language", "en");
        String letterId = send(body).then().statusCode(202).body("channel", equalTo("POST"))
                .extract().path("letterId");

        JsonPath letter = letter(letterId);
        assertEquals("Employer " + employer, letter.getString("recipientName"));
        assertEquals("Rue du Registre", letter.getString("address.street"));
        assertEquals("fr", letter.getString("language"), "the register's language, not the sender's");
        byte[] printed = pdf(letterId);
        assertThat(addressWindow(printed), containsString("1, Rue du Registre"));
        assertThat(addressWindow(printed), not(containsString("Muller")));
        assertThat(text(printed), containsString("Madame, Monsieur"));
    }

    @Test
    void aDocumentForAnEmployerNotInTheRegisterIsA400NamingEmployer() throws Exception {
        String unknown = TestData.newRegistrationNumber();
        Map<String, Object> body = document(UUID.randomUUID(), unknown, Domain.BILLING, samplePdf("x", 1));
        String documentId = UUID.randomUUID().toString();
        body.put("documentId", documentId);
        body.put("recipient", Map.of("name", "Garage Muller S.A.", "address", ELSEWHERE));
        send(body).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("employer"));
        assertEquals(0, count("select count(*) from document_dispatch where document_id = ?::uuid", documentId));
        assertEquals(0, count("select count(*) from letter where document_id = ?::uuid", documentId));
    }

    @Test
    void afterEDeliveryStoppedTheNextDocumentGoesByPostOrToTheInboxOfTheSpaceWhoseEDeliveryIsOn() throws Exception {
        String employer = TestRegister.awaitNewEmployer();
        UUID oldSpace = UUID.randomUUID();
        activateEDelivery(oldSpace, employer, Domain.BILLING);
        activateEDelivery(oldSpace, employer, Domain.AFFILIATIONS);
        send(document(oldSpace, employer, Domain.BILLING, samplePdf("a", 1))).then().statusCode(202)
                .body("channel", equalTo("EDELIVERY")).body("inboxSpaceId", equalTo(oldSpace.toString()));

        String stopped = TopicWriter.publish(EventTypes.EDELIVERY_STOPPED, oldSpace.toString(),
                new EDeliveryStopped(oldSpace, employer, Domain.BILLING, RevocationReason.REPLACED, Instant.now()));
        CodeLettersTest.awaitProcessed(stopped);

        String letterId = send(document(oldSpace, employer, Domain.BILLING, samplePdf("b", 1))).then().statusCode(202)
                .body("channel", equalTo("POST")).extract().path("letterId");
        JsonPath letter = letter(letterId);
        assertEquals("Employer " + employer, letter.getString("recipientName"));
        assertEquals("Rue du Registre", letter.getString("address.street"));
        assertEquals("L-1471", letter.getString("address.postcode"));
        send(document(oldSpace, employer, Domain.AFFILIATIONS, samplePdf("c", 1))).then().statusCode(202)
                .body("channel", equalTo("EDELIVERY")).body("inboxSpaceId", equalTo(oldSpace.toString()));

        // The space holding the mandate now switched eDelivery on: documents addressed to the old space go there.
        UUID newSpace = UUID.randomUUID();
        activateEDelivery(newSpace, employer, Domain.BILLING);
        String documentId = send(document(oldSpace, employer, Domain.BILLING, samplePdf("d", 1)))
                .then().statusCode(202)
                .body("channel", equalTo("EDELIVERY")).body("inboxSpaceId", equalTo(newSpace.toString()))
                .extract().path("documentId");
        ConsumerRecord<String, String> routed = TopicReader.await(Topics.MAILING, r -> documentId.equals(r.key()), 1,
                Duration.ofSeconds(30)).get(0);
        assertThat(routed.value(), containsString("\"spaceId\":\"" + newSpace + "\""));

        // A late activation of the old space does not switch its stopped route on again.
        CodeLettersTest.awaitProcessed(TopicWriter.publish(EventTypes.EDELIVERY_ACTIVATED, oldSpace.toString(),
                new EDeliveryActivated(oldSpace, employer, Domain.BILLING, Instant.now())));
        assertEquals(1, count("select count(*) from edelivery_activation where space_id = ?::uuid and domain = "
                + "'BILLING' and stopped_at is not null", oldSpace.toString()));
    }
}

package lu.ccss.guichet.mailing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MandateEvents.MandateRevoked;
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
import java.util.UUID;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.mailing.MailingApi.addressWindow;
import static lu.ccss.guichet.mailing.MailingApi.count;
import static lu.ccss.guichet.mailing.MailingApi.letter;
import static lu.ccss.guichet.mailing.MailingApi.operator;
import static lu.ccss.guichet.mailing.MailingApi.pdf;
import static lu.ccss.guichet.mailing.MailingApi.text;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Issue 12, point 7: the holder is told, by letter to the registered address, when its certification ends. */
@QuarkusTest
class HolderNoticeTest {

    /** Anything printed like a code: groups of four symbols of the code alphabet. */
    private static final Pattern CODE_LIKE = Pattern.compile("\\b[0-9A-Z]{4}-[0-9A-Z]{4}(-[0-9A-Z]{2,4})?\\b");

    private static boolean looksLikeACode(String text) {
        return CODE_LIKE.matcher(text.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", ""))
                .find();
    }

    private static String revoke(UUID mandate, UUID space, String employer, Domain domain, Capacity capacity,
                                 RevocationReason reason, UUID successor) {
        String eventId = TopicWriter.publish(EventTypes.MANDATE_REVOKED, employer, new MandateRevoked(mandate, space,
                employer, domain, capacity, reason, successor, Instant.parse("2026-03-12T10:00:00Z")));
        CodeLettersTest.awaitProcessed(eventId);
        return eventId;
    }

    private static String noticeOf(UUID mandate) throws Exception {
        assertEquals(1, count("select count(*) from letter where mandate_id = ?::uuid", mandate.toString()));
        try (var c = MailingApi.db(); var s = c.prepareStatement("select id from letter where mandate_id = ?::uuid")) {
            s.setString(1, mandate.toString());
            try (var r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    @Test
    void aReplacedHolderCertificationIsToldOnceToTheRegisteredAddressAndJoinsThePrintFlow() throws Exception {
        String employer = TestData.newRegistrationNumber();
        TestRegister.register(employer, PartyKind.EMPLOYER, "Garage Muller S.A.", new PostalAddress("Rue du Registre",
                "1", "L-1471", "Luxembourg", "LU"), "en");
        TestRegister.awaitKnown(employer, "ACTIVE");
        UUID mandate = UUID.randomUUID();
        UUID space = UUID.randomUUID();
        UUID successor = UUID.randomUUID();

        revoke(mandate, space, employer, Domain.BILLING, Capacity.HOLDER, RevocationReason.REPLACED, successor);
        // The same revocation delivered again under another event id: still one notice.
        revoke(mandate, space, employer, Domain.BILLING, Capacity.HOLDER, RevocationReason.REPLACED, successor);

        String letterId = noticeOf(mandate);
        JsonPath letter = letter(letterId);
        assertEquals("HOLDER_NOTICE", letter.getString("kind"));
        assertEquals("GENERATED", letter.getString("status"));
        assertEquals(mandate.toString(), letter.getString("mandateId"));
        assertEquals("Garage Muller S.A.", letter.getString("recipientName"));
        assertEquals("en", letter.getString("language"));
        given().auth().oauth2(operator()).queryParam("employer", employer).when().get("/api/letters").then()
                .statusCode(200).body("id", org.hamcrest.Matchers.contains(letterId));
        given().auth().oauth2(operator()).queryParam("employer", "2015 123").when().get("/api/letters").then()
                .statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("employer"));
        byte[] printed = pdf(letterId);
        String text = text(printed);
        assertThat(addressWindow(printed), containsString("1, Rue du Registre"));
        assertThat(text, containsString("Billing and accounting"));
        assertThat(text, containsString(space.toString()));
        assertThat(text, containsString(successor.toString()));
        assertThat(text, containsString("12 March 2026"));
        assertThat(text, containsString("replaced"));
        assertThat(text, containsString("contact the Joint Social Security Centre (CCSS)"));
        assertFalse(looksLikeACode(text), "no code in a holder notice: " + text);

        given().auth().oauth2(operator()).when().post("/api/print-batches").then().statusCode(201);
        given().auth().oauth2(operator()).when().post("/api/letters/" + letterId + "/posted").then().statusCode(200);
        ConsumerRecord<String, String> posted = TopicReader.await(Topics.MAILING, r -> letterId.equals(r.key()), 1,
                Duration.ofSeconds(30)).get(0);
        assertEquals("lu.ccss.mailing.letter-posted.v1", TopicReader.header(posted, "ce_type"));
        assertThat(posted.value(), containsString("\"kind\":\"HOLDER_NOTICE\""));
    }

    @Test
    void aHolderCertificationRevokedByCodeIsToldInTheRegistersLanguage() throws Exception {
        String employer = TestData.newRegistrationNumber();
        TestRegister.register(employer, PartyKind.EMPLOYER, "Bäckerei Schmit", TestRegister.EMPLOYER_ADDRESS, "de");
        TestRegister.awaitKnown(employer, "ACTIVE");
        UUID mandate = UUID.randomUUID();
        UUID space = UUID.randomUUID();
        revoke(mandate, space, employer, Domain.AFFILIATIONS, Capacity.HOLDER, RevocationReason.REVOKED_BY_CODE, null);

        String text = text(pdf(noticeOf(mandate)));
        assertThat(text, containsString("Widerrufscode"));
        assertThat(text, containsString(space.toString()));
        assertThat(text, containsString("12. März 2026"));
        assertFalse(looksLikeACode(text), "no code in a holder notice: " + text);
    }

    @Test
    void agentMandatesOtherReasonsAndUnregisteredEmployersGetNoNotice() throws Exception {
        String employer = TestRegister.awaitNewEmployer();
        UUID withdrawn = UUID.randomUUID();
        revoke(withdrawn, UUID.randomUUID(), employer, Domain.BILLING, Capacity.AGENT, RevocationReason.WITHDRAWN,
                null);
        UUID agentReplaced = UUID.randomUUID();
        revoke(agentReplaced, UUID.randomUUID(), employer, Domain.BILLING, Capacity.AGENT, RevocationReason.REPLACED,
                null);
        UUID expired = UUID.randomUUID();
        revoke(expired, UUID.randomUUID(), employer, Domain.BILLING, Capacity.HOLDER, RevocationReason.EMPLOYER_CEASED,
                null);
        UUID unregistered = UUID.randomUUID();
        revoke(unregistered, UUID.randomUUID(), TestData.newRegistrationNumber(), Domain.BILLING, Capacity.HOLDER,
                RevocationReason.REPLACED, UUID.randomUUID());
        for (UUID mandate : new UUID[]{withdrawn, agentReplaced, expired, unregistered}) {
            assertEquals(0, count("select count(*) from letter where mandate_id = ?::uuid", mandate.toString()));
        }
    }
}

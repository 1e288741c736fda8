package lu.ccss.guichet.mailing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.EDeliveryEvents.EDeliveryActivated;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.events.SpaceEvents.DomainFirstUsed;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.mailing.render.LetterRenderer;
import lu.ccss.guichet.testing.TestDatabase;
import lu.ccss.guichet.testing.Tokens;
import lu.ccss.guichet.testing.TopicReader;
import lu.ccss.guichet.testing.TopicWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.mailing.MailingApi.addressWindow;
import static lu.ccss.guichet.mailing.MailingApi.count;
import static lu.ccss.guichet.mailing.MailingApi.letter;
import static lu.ccss.guichet.mailing.MailingApi.pdf;
import static lu.ccss.guichet.mailing.MailingApi.text;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DocumentsTest {

    static final PostalAddress ELSEWHERE = new PostalAddress("Rue du Fort Elisabeth", "12", "L-1463", "Luxembourg",
            "LU");

    static byte[] samplePdf(String line, int pages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 700);
                    content.showText(line + " - page " + (i + 1));
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] passwordProtectedPdf() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> document(UUID spaceId, String employer, Domain domain, byte[] pdf) {
        Map<String, Object> body = new HashMap<>();
        body.put("spaceId", spaceId.toString());
        body.put("employer", employer);
        body.put("domain", domain.name());
        body.put("title", "Extrait de compte cotisations - février 2025");
        body.put("content", Base64.getEncoder().encodeToString(pdf));
        return body;
    }

    static io.restassured.response.Response send(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.domainSystem()).contentType(ContentType.JSON).body(body)
                .when().post("/api/documents");
    }

    /** An employer in the register (the fixture registers it), whose code letters were made. */
    static CodesIssuedFixture knownEmployer(String language) {
        CodesIssuedFixture request = CodesIssuedFixture.request(language);
        request.publish();
        MailingApi.awaitLetters(request.requestId, 1);
        return request;
    }

    static void activateEDelivery(UUID spaceId, String employer, Domain domain) throws Exception {
        TopicWriter.publish(Topics.EDELIVERY, spaceId.toString(), UUID.randomUUID().toString(),
                EventTypes.EDELIVERY_ACTIVATED.type(),
                CodesIssuedFixture.json(new EDeliveryActivated(spaceId, employer, domain, Instant.now())));
        awaitActivation(spaceId, employer, domain);
    }

    static void awaitActivation(UUID spaceId, String employer, Domain domain) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count("select count(*) from edelivery_activation where space_id = ?::uuid and employer = ? "
                + "and domain = ?", spaceId.toString(), employer, domain.name()) == 0) {
            assertTrue(System.nanoTime() < deadline, "EDeliveryActivated not processed in time");
            TestDatabase.sleep(200);
        }
    }

    @Test
    void aDocumentGoesByPostUntilEDeliveryIsActiveAndThenToTheInbox() throws Exception {
        CodesIssuedFixture employer = knownEmployer("fr");
        UUID spaceId = UUID.randomUUID();
        byte[] statement = samplePdf("Extrait de compte", 2);

        String letterId = send(document(spaceId, employer.employer, Domain.BILLING, statement))
                .then().statusCode(202)
                .body("channel", equalTo("POST"))
                .body("letterId", notNullValue())
                .extract().path("letterId");
        io.restassured.path.json.JsonPath letter = letter(letterId);
        assertEquals("DOCUMENT", letter.getString("kind"));
        assertEquals("GENERATED", letter.getString("status"));
        assertEquals(3, letter.getInt("pages"));
        assertEquals(employer.employerName, letter.getString("recipientName"));
        byte[] printed = pdf(letterId);
        String text = text(printed);
        assertThat(text, containsString("Extrait de compte cotisations - février 2025"));
        assertThat(text, containsString("Facturation et comptabilité"));
        assertThat(text, containsString("eDelivery"));
        assertThat(text, containsString("Page 1/3"));
        assertThat(text, containsString("Extrait de compte - page 2"));
        assertThat(addressWindow(printed), containsString("23, Avenue de la Liberté"));

        activateEDelivery(spaceId, employer.employer, Domain.BILLING);
        String documentId = send(document(spaceId, employer.employer, Domain.BILLING, statement))
                .then().statusCode(202)
                .body("channel", equalTo("EDELIVERY"))
                .body("letterId", nullValue())
                .extract().path("documentId");
        ConsumerRecord<String, String> routed = TopicReader.await(Topics.MAILING, r -> documentId.equals(r.key()), 1,
                Duration.ofSeconds(30)).get(0);
        assertEquals("lu.ccss.mailing.document-routed.v2", TopicReader.header(routed, "ce_type"));
        Map<?, ?> event = CodesIssuedFixture.JSON.readValue(routed.value(), Map.class);
        assertEquals(spaceId.toString(), event.get("spaceId"));
        assertEquals(employer.employer, event.get("employer"));
        assertEquals("BILLING", event.get("domain"));
        assertEquals("application/pdf", event.get("contentType"));
        assertEquals(statement.length, ((Number) event.get("size")).intValue());
        // the shared topic carries the fact only: neither the document, nor its title, nor its hash
        assertFalse(event.containsKey("content") || event.containsKey("title") || event.containsKey("sha256"),
                routed.value());
        assertTrue(routed.value().length() < 1024, "a reference, not a document");

        // the document itself goes on the private topic that only the edelivery-service may read
        ConsumerRecord<String, String> forInbox = TopicReader.await(Topics.MAILING_INBOX,
                r -> documentId.equals(r.key()), 1, Duration.ofSeconds(30)).get(0);
        assertEquals("lu.ccss.mailing.document-for-inbox.v1", TopicReader.header(forInbox, "ce_type"));
        assertEquals("/guichet/mailing-service", TopicReader.header(forInbox, "ce_source"));
        Map<?, ?> document = CodesIssuedFixture.JSON.readValue(forInbox.value(), Map.class);
        assertEquals(spaceId.toString(), document.get("spaceId"));
        assertEquals(statement.length, ((Number) document.get("size")).intValue());
        assertEquals(LetterRenderer.sha256(statement), document.get("sha256"));
        assertTrue(Arrays.equals(statement, Base64.getDecoder().decode((String) document.get("content"))));
        assertEquals(0, count("select count(*) from letter where document_id = ?::uuid", documentId));

        // Another domain still goes by post; a document for another space of the same employer goes to the inbox
        // of the space whose eDelivery is on for that employer and domain.
        send(document(spaceId, employer.employer, Domain.AFFILIATIONS, statement)).then().statusCode(202)
                .body("channel", equalTo("POST"));
        send(document(UUID.randomUUID(), employer.employer, Domain.BILLING, statement)).then().statusCode(202)
                .body("channel", equalTo("EDELIVERY")).body("inboxSpaceId", equalTo(spaceId.toString()));
    }

    @Test
    void theFirstUseOfTheDomainSendsTheNextDocumentToTheInboxWithoutWaitingForTheEDeliveryService()
            throws Exception {
        CodesIssuedFixture employer = knownEmployer("fr");
        UUID spaceId = UUID.randomUUID();
        Instant firstUsedAt = Instant.now();
        TopicWriter.publish(Topics.SPACE, spaceId.toString(), UUID.randomUUID().toString(),
                EventTypes.DOMAIN_FIRST_USED.type(), CodesIssuedFixture.json(new DomainFirstUsed(spaceId,
                        employer.employer, Domain.REMUNERATIONS, "CONSULTATION", firstUsedAt)));
        awaitActivation(spaceId, employer.employer, Domain.REMUNERATIONS);

        send(document(spaceId, employer.employer, Domain.REMUNERATIONS, samplePdf("Décompte", 1)))
                .then().statusCode(202).body("channel", equalTo("EDELIVERY"));

        // The edelivery-service's EDeliveryActivated for the same activation, later: no conflict, no dead letter.
        String laterEventId = UUID.randomUUID().toString();
        TopicWriter.publish(Topics.EDELIVERY, spaceId.toString(), laterEventId, EventTypes.EDELIVERY_ACTIVATED.type(),
                CodesIssuedFixture.json(new EDeliveryActivated(spaceId, employer.employer, Domain.REMUNERATIONS,
                        firstUsedAt.plusMillis(40))));
        CodeLettersTest.awaitProcessed(laterEventId);
        assertEquals(1, count("select count(*) from edelivery_activation where space_id = ?::uuid",
                spaceId.toString()));
        assertEquals(0, TopicReader.readAll("guichet.mailing.dead-letter").stream()
                .filter(r -> spaceId.toString().equals(r.key())).count());
    }

    @Test
    void theSameDocumentIdSentTwiceIsOneLetter() throws Exception {
        CodesIssuedFixture employer = knownEmployer("de");
        Map<String, Object> body = document(UUID.randomUUID(), employer.employer, Domain.REMUNERATIONS,
                samplePdf("Lohn", 1));
        body.put("documentId", UUID.randomUUID().toString());
        String first = send(body).then().statusCode(202).extract().path("letterId");
        String again = send(body).then().statusCode(202).extract().path("letterId");
        assertEquals(first, again);
        assertEquals(1, count("select count(*) from letter where document_id = ?::uuid", body.get("documentId")));
        assertThat(text(pdf(first)), containsString("Löhne und Arbeitsunfähigkeiten der Arbeitnehmer"));

        body.put("content", Base64.getEncoder().encodeToString(samplePdf("Anders", 1)));
        send(body).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anInvalidDocumentIsA400NamingTheFieldAndNothingIsStored() throws Exception {
        CodesIssuedFixture employer = knownEmployer("fr");
        byte[] tooLarge = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, tooLarge, 0, 9);
        Map<String, Object[]> cases = new java.util.LinkedHashMap<>();
        cases.put("not a PDF", new Object[]{"content", "content", Base64.getEncoder().encodeToString(
                "<html>hello</html>".getBytes())});
        cases.put("a broken PDF", new Object[]{"content", "content", Base64.getEncoder().encodeToString(
                "%PDF-1.7\nthis is not really a PDF".getBytes())});
        cases.put("a protected PDF", new Object[]{"content", "content",
                Base64.getEncoder().encodeToString(passwordProtectedPdf())});
        cases.put("too large", new Object[]{"content", "content", Base64.getEncoder().encodeToString(tooLarge)});
        cases.put("not base64", new Object[]{"content", "content", "%%%not base64%%%"});
        cases.put("no content", new Object[]{"content", "content", null});
        cases.put("unknown domain", new Object[]{"domain", "domain", "PENSIONS"});
        cases.put("bad employer", new Object[]{"employer", "employer", "12345"});
        cases.put("no title", new Object[]{"title", "title", "  "});
        cases.put("long title", new Object[]{"title", "title", "t".repeat(201)});
        cases.put("no space", new Object[]{"spaceId", "spaceId", null});
        cases.put("bad space", new Object[]{"spaceId", "spaceId", "not-a-uuid"});
        for (Map.Entry<String, Object[]> c : cases.entrySet()) {
            Map<String, Object> body = document(UUID.randomUUID(), employer.employer, Domain.BILLING,
                    samplePdf("x", 1));
            String documentId = UUID.randomUUID().toString();
            body.put("documentId", documentId);
            body.put((String) c.getValue()[1], c.getValue()[2]);
            List<String> fields = send(body).then().statusCode(400).contentType("application/problem+json")
                    .extract().jsonPath().getList("errors.field");
            assertTrue(fields.contains((String) c.getValue()[0]), c.getKey() + ": " + fields);
            assertEquals(0, count("select count(*) from document_dispatch where document_id = ?::uuid", documentId),
                    c.getKey());
            assertEquals(0, count("select count(*) from letter where document_id = ?::uuid", documentId), c.getKey());
        }
    }

    @Test
    void onlyDomainSystemsSendDocuments() {
        Map<String, Object> body = document(UUID.randomUUID(), "20231234567", Domain.BILLING, samplePdf("x", 1));
        for (String token : List.of(Tokens.operator("op"), Tokens.user("someone"))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/documents")
                    .then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(body).when().post("/api/documents").then().statusCode(401);
    }
}

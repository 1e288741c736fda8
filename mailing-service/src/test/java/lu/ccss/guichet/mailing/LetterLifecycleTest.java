package lu.ccss.guichet.mailing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.testing.Tokens;
import lu.ccss.guichet.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.mailing.MailingApi.awaitLetters;
import static lu.ccss.guichet.mailing.MailingApi.count;
import static lu.ccss.guichet.mailing.MailingApi.letter;
import static lu.ccss.guichet.mailing.MailingApi.letterOfKind;
import static lu.ccss.guichet.mailing.MailingApi.operator;
import static lu.ccss.guichet.mailing.MailingApi.text;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LetterLifecycleTest {

    /** A transmitted request with one agent whose letters are GENERATED. */
    static CodesIssuedFixture generatedLetters() {
        CodesIssuedFixture request = CodesIssuedFixture.request("fr").withAgent("Fiduciaire \"Weber\", Associés",
                CodeLettersTest.WEBER, Domain.BILLING, Domain.AFFILIATIONS);
        request.publish();
        awaitLetters(request.requestId, 2);
        return request;
    }

    static Response printBatch() {
        return given().auth().oauth2(operator()).when().post("/api/print-batches");
    }

    @Test
    void aPrintBatchGathersTheGeneratedLettersIntoOneArchiveWithItsManifest() {
        CodesIssuedFixture request = generatedLetters();
        List<Map<String, Object>> letters = MailingApi.letters(request.requestId);

        Response response = printBatch();
        response.then().statusCode(201).contentType("application/zip")
                .header("Location", containsString("/api/print-batches/"))
                .header("Content-Disposition", containsString("attachment"));
        Map<String, byte[]> archive = PrintArchives.entries(response.asByteArray());
        List<List<String>> manifest = PrintArchives.manifest(archive);
        assertEquals(List.of("file", "letter_id", "recipient", "postcode", "country", "pages", "postage_class"),
                manifest.get(0));
        assertEquals(archive.size() - 1, manifest.size() - 1, "one manifest row per PDF");
        for (Map<String, Object> letter : letters) {
            List<String> row = manifest.stream().filter(r -> r.get(1).equals(letter.get("id"))).findFirst()
                    .orElseThrow(() -> new AssertionError("letter " + letter.get("id") + " not in the manifest"));
            assertEquals(letter.get("recipientName"), row.get(2));
            assertEquals(((Map<?, ?>) letter.get("address")).get("postcode"), row.get(3));
            assertEquals("LU", row.get(4));
            assertEquals(String.valueOf(letter.get("pages")), row.get(5));
            assertEquals("PRIORITY", row.get(6));
            byte[] pdf = archive.get(row.get(0));
            assertNotNull(pdf, "the archive holds " + row.get(0));
            assertThat(text(pdf), containsString(letter.get("id").toString()));
            // The operator's archive holds the operator's views: codes masked (the printable one is the provider's).
            assertThat(text(pdf), containsString("XXXX-XXXX-XXXX"));
        }
        String batchId = response.header("Location").replaceAll(".*/", "");
        for (Map<String, Object> letter : MailingApi.letters(request.requestId)) {
            assertEquals("BATCHED", letter.get("status"));
            assertEquals(batchId, letter.get("batchId"));
        }
        given().auth().oauth2(operator()).queryParam("batchId", batchId).when().get("/api/letters")
                .then().statusCode(200).body("id", hasItem(letters.get(0).get("id")));

        // Nothing left to print: a second batch is a conflict; the first can be downloaded again.
        printBatch().then().statusCode(409).contentType("application/problem+json");
        byte[] again = given().auth().oauth2(operator()).when().get("/api/print-batches/" + batchId)
                .then().statusCode(200).contentType("application/zip").extract().asByteArray();
        Map<String, byte[]> againEntries = PrintArchives.entries(again);
        List<List<String>> againManifest = PrintArchives.manifest(againEntries);
        for (List<String> row : manifest.subList(1, manifest.size())) {
            List<String> same = againManifest.stream().filter(r -> r.get(1).equals(row.get(1))).findFirst()
                    .orElseThrow(() -> new AssertionError("letter " + row.get(1) + " missing from the new download"));
            assertEquals(row.subList(1, row.size()), same.subList(1, same.size()));
            assertArrayEquals(archive.get(row.get(0)), againEntries.get(same.get(0)));
        }
    }

    @Test
    void postingDestroysThePdfKeepsTheRecordAndPublishesLetterPosted() throws Exception {
        CodesIssuedFixture request = generatedLetters();
        printBatch().then().statusCode(201);
        Map<String, Object> employer = letterOfKind(MailingApi.letters(request.requestId), "CODES_EMPLOYER", null);
        Object id = employer.get("id");

        given().auth().oauth2(operator()).when().post("/api/letters/" + id + "/posted")
                .then().statusCode(200)
                .body("status", equalTo("POSTED"))
                .body("pdfAvailable", equalTo(false))
                .body("history.status", equalTo(List.of("GENERATED", "BATCHED", "POSTED")))
                .body("history[2].by", equalTo("operator-anna"))
                .body("pages", equalTo(employer.get("pages")))
                .body("contentSha256", equalTo(employer.get("contentSha256")))
                .body("recipientName", equalTo(request.employerName));
        assertEquals(0, count("select count(*) from letter where id = ?::uuid and pdf_encrypted is not null",
                id.toString()));
        assertEquals(1, count("select count(*) from letter where id = ?::uuid and status = 'POSTED' "
                + "and content_sha256 = ?", id.toString(), employer.get("contentSha256")));

        ConsumerRecord<String, String> posted = TopicReader.await(Topics.MAILING, r -> id.equals(r.key()), 1,
                Duration.ofSeconds(30)).get(0);
        assertEquals("lu.ccss.mailing.letter-posted.v1", TopicReader.header(posted, "ce_type"));
        assertEquals("/guichet/mailing-service", TopicReader.header(posted, "ce_source"));
        assertThat(posted.value(), containsString("\"codeLetterId\":\"" + request.employerLetterId + "\""));
        assertThat(posted.value(), containsString("\"requestId\":\"" + request.requestId + "\""));
        assertThat(posted.value(), containsString("\"kind\":\"CODES_EMPLOYER\""));

        given().auth().oauth2(operator()).when().get("/api/letters/" + id + "/pdf")
                .then().statusCode(410).contentType("application/problem+json")
                .body("detail", containsString("POSTED"));
        given().auth().oauth2(operator()).when().post("/api/letters/" + id + "/posted")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aLetterIsPrintedBeforeItIsPostedAndPostedBeforeItComesBack() {
        CodesIssuedFixture request = generatedLetters();
        Object id = letterOfKind(MailingApi.letters(request.requestId), "CODES_AGENT", null).get("id");

        given().auth().oauth2(operator()).when().post("/api/letters/" + id + "/posted")
                .then().statusCode(409).body("detail", containsString("print batch"));
        given().auth().oauth2(operator()).when().post("/api/letters/" + id + "/returned")
                .then().statusCode(409).body("detail", containsString("GENERATED"));
        printBatch().then().statusCode(201);
        given().auth().oauth2(operator()).when().post("/api/letters/" + id + "/returned")
                .then().statusCode(409).body("detail", containsString("BATCHED"));
        given().auth().oauth2(operator()).when().post("/api/letters/" + id + "/posted").then().statusCode(200);

        given().auth().oauth2(operator()).contentType("application/json").body(Map.of("reason", "x".repeat(501)))
                .when().post("/api/letters/" + id + "/returned")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        // C3 opens a two-byte UTF-8 sequence that "(" does not continue: not text, not U+FFFD in the reason
        byte[] notUtf8 = {'{', '"', 'r', 'e', 'a', 's', 'o', 'n', '"', ':', '"', 'a', (byte) 0xC3, '(', 'b', '"', '}'};
        given().auth().oauth2(operator()).contentType("application/json").body(notUtf8)
                .when().post("/api/letters/" + id + "/returned")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(operator()).contentType("application/json")
                .body(Map.of("reason", "Destinataire inconnu à l'adresse indiquée"))
                .when().post("/api/letters/" + id + "/returned")
                .then().statusCode(200)
                .body("status", equalTo("RETURNED"))
                .body("history[3].note", equalTo("Destinataire inconnu à l'adresse indiquée"));
        given().auth().oauth2(operator()).when().post("/api/letters/" + id + "/returned").then().statusCode(409);

        ConsumerRecord<String, String> returned = TopicReader.await(Topics.MAILING,
                r -> id.equals(r.key()) && "lu.ccss.mailing.letter-returned.v1".equals(TopicReader.header(r, "ce_type")),
                1, Duration.ofSeconds(30)).get(0);
        assertThat(returned.value(), containsString("\"reason\":\"Destinataire inconnu à l'adresse indiquée\""));
        assertThat(returned.value(), containsString("\"kind\":\"CODES_AGENT\""));
        assertThat(returned.value(), containsString("\"codeLetterId\":\"" + request.agents.get(0).codeLetterId()));
    }

    @Test
    void aBatchWhoseLettersAllLeftCannotBeDownloadedAgain() {
        CodesIssuedFixture request = generatedLetters();
        String batchId = printBatch().then().statusCode(201).extract().header("Location").replaceAll(".*/", "");
        for (Map<String, Object> letter : MailingApi.letters(request.requestId)) {
            given().auth().oauth2(operator()).when().post("/api/letters/" + letter.get("id") + "/posted")
                    .then().statusCode(200);
        }
        given().auth().oauth2(operator()).when().get("/api/print-batches/" + batchId).then().statusCode(410);
        given().auth().oauth2(operator()).when().get("/api/print-batches/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void operatorsFollowLettersWithoutEverSeeingACode() {
        CodesIssuedFixture request = generatedLetters();
        String list = given().auth().oauth2(operator()).queryParam("requestId", request.requestId.toString())
                .when().get("/api/letters").then().statusCode(200).extract().asString();
        Object id = letterOfKind(MailingApi.letters(request.requestId), "CODES_EMPLOYER", null).get("id");
        String one = letter(id).prettify();
        for (String code : request.allCodes()) {
            assertThat(list, not(containsString(code)));
            assertThat(list, not(containsString(code.replace("-", ""))));
            assertThat(one, not(containsString(code)));
        }
        assertThat(list, containsString(request.employerName));
        assertTrue(list.contains("\"status\":\"GENERATED\""));
    }

    @Test
    void onlyOperatorsReachLettersAndPrintBatches() {
        CodesIssuedFixture request = generatedLetters();
        Object id = MailingApi.letters(request.requestId).get(0).get("id");
        for (String token : List.of(Tokens.user("someone"), Tokens.domainSystem())) {
            given().auth().oauth2(token).queryParam("requestId", request.requestId.toString())
                    .when().get("/api/letters").then().statusCode(403);
            given().auth().oauth2(token).when().get("/api/letters/" + id + "/pdf").then().statusCode(403);
            given().auth().oauth2(token).when().post("/api/letters/" + id + "/posted").then().statusCode(403);
            given().auth().oauth2(token).when().post("/api/letters/" + id + "/returned").then().statusCode(403);
            given().auth().oauth2(token).when().post("/api/print-batches").then().statusCode(403);
        }
        given().when().get("/api/letters?requestId=" + request.requestId).then().statusCode(401);
        given().when().get("/api/letters/" + id + "/pdf").then().statusCode(401);
        given().when().post("/api/print-batches").then().statusCode(401);
        given().when().post("/api/letters/" + id + "/posted").then().statusCode(401);
        assertEquals("GENERATED", letter(id).getString("status"));
    }

    @Test
    void listingNeedsAWellFormedRequestIdAndUnknownLettersAre404() {
        given().auth().oauth2(operator()).when().get("/api/letters")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("requestId"));
        given().auth().oauth2(operator()).queryParam("requestId", "not-a-uuid").when().get("/api/letters")
                .then().statusCode(400).body("errors[0].field", equalTo("requestId"));
        given().auth().oauth2(operator()).queryParam("requestId", UUID.randomUUID().toString())
                .when().get("/api/letters").then().statusCode(200).body("size()", equalTo(0));
        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(operator()).when().get("/api/letters/" + unknown).then().statusCode(404);
        given().auth().oauth2(operator()).when().get("/api/letters/" + unknown + "/pdf").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(operator()).when().post("/api/letters/" + unknown + "/posted").then().statusCode(404);
    }

    @Test
    void servesItsOpenApiDocument() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", hasItem("/api/print-batches"))
                .body("paths.keySet()", hasItem("/api/letters/{letterId}/pdf"))
                .body("paths.keySet()", hasItem("/api/documents"))
                .body("paths.'/api/letters/{letterId}/posted'.post.summary", startsWith("The letter left"))
                .body("components.schemas.SendDocument.required",
                        containsInAnyOrder("spaceId", "employer", "domain", "title", "content"));
    }
}

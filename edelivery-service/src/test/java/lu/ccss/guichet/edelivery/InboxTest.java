package lu.ccss.guichet.edelivery;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.testing.TestDatabase;
import lu.ccss.guichet.testing.Tokens;
import lu.ccss.guichet.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.edelivery.EDeliveryApi.DEAD_LETTER;
import static lu.ccss.guichet.edelivery.EDeliveryApi.activate;
import static lu.ccss.guichet.edelivery.EDeliveryApi.awaitStored;
import static lu.ccss.guichet.edelivery.EDeliveryApi.documentRouted;
import static lu.ccss.guichet.edelivery.EDeliveryApi.memberAdded;
import static lu.ccss.guichet.edelivery.EDeliveryApi.newEmployer;
import static lu.ccss.guichet.edelivery.EDeliveryApi.pdf;
import static lu.ccss.guichet.edelivery.EDeliveryApi.sha256;
import static lu.ccss.guichet.testing.TestDatabase.awaitCount;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static lu.ccss.guichet.testing.Tokens.newUser;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class InboxTest {

    private static final String DOCUMENT_READ = "lu.ccss.edelivery.document-read.v1";

    private static String inboxPath(UUID space) {
        return "/api/spaces/" + space + "/edelivery/documents";
    }

    @Test
    void aRoutedDocumentLandsInTheInboxAndItsFirstReadingPerPersonIsPublished() throws Exception {
        UUID space = UUID.randomUUID();
        String alice = newUser();
        String bob = newUser();
        String employer = newEmployer();
        memberAdded(space, alice);
        memberAdded(space, bob);
        activate(space, employer, "BILLING");
        UUID document = UUID.randomUUID();
        byte[] content = pdf("Extrait de compte " + document, 0);
        documentRouted(document, space, employer, "BILLING", "Extrait de compte - fevrier 2025", content,
                Instant.parse("2025-03-01T06:00:00Z"));
        awaitStored(document);

        given().auth().oauth2(Tokens.user(alice)).when().get(inboxPath(space))
                .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(document.toString()))
                .body("items[0].title", equalTo("Extrait de compte - fevrier 2025"))
                .body("items[0].domain", equalTo("BILLING"))
                .body("items[0].employer", equalTo(employer))
                .body("items[0].size", equalTo(content.length))
                .body("items[0].read", equalTo(false))
                .body("items[0].readAt", nullValue());

        Response download = given().auth().oauth2(Tokens.user(alice))
                .when().get(inboxPath(space) + "/" + document);
        download.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", containsString("attachment; filename=\"Extrait de compte - fevrier 2025.pdf\""))
                .header("Cache-Control", "no-store");
        assertArrayEquals(content, download.asByteArray());
        given().auth().oauth2(Tokens.user(alice)).when().get(inboxPath(space) + "/" + document).then().statusCode(200);
        given().auth().oauth2(Tokens.user(bob)).when().get(inboxPath(space) + "/" + document).then().statusCode(200);

        given().auth().oauth2(Tokens.user(alice)).when().get(inboxPath(space))
                .then().body("items[0].read", equalTo(true)).body("items[0].readAt", org.hamcrest.Matchers.notNullValue());
        awaitCount("select count(*) from outbox_event where aggregate_id = '" + document
                + "' and published_at is null", 0);
        TopicReader.await(Topics.EDELIVERY, r -> document.toString().equals(r.key()), 2, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> reads = TopicReader.readAll(Topics.EDELIVERY).stream()
                .filter(r -> document.toString().equals(r.key()) && DOCUMENT_READ.equals(TopicReader.header(r, "ce_type")))
                .toList();
        assertEquals(2, reads.size(), "one DocumentRead per person, not per download");
        org.hamcrest.MatcherAssert.assertThat(reads.stream().map(ConsumerRecord::value).toList(), hasItems(
                containsString("\"readBy\":\"" + alice + "\""), containsString("\"readBy\":\"" + bob + "\"")));
        org.hamcrest.MatcherAssert.assertThat(reads.get(0).value(), containsString("\"spaceId\":\"" + space + "\""));
    }

    @Test
    void listsNewestFirstPagedAndFilteredByDomainAndUnread() throws Exception {
        UUID space = UUID.randomUUID();
        String alice = newUser();
        String employer = newEmployer();
        memberAdded(space, alice);
        activate(space, employer, "BILLING");
        activate(space, employer, "AFFILIATIONS");
        UUID oldest = UUID.randomUUID();
        UUID middle = UUID.randomUUID();
        UUID newest = UUID.randomUUID();
        documentRouted(oldest, space, employer, "BILLING", "January", pdf("1", 0), Instant.parse("2025-01-31T06:00:00Z"));
        documentRouted(newest, space, employer, "BILLING", "March", pdf("3", 0), Instant.parse("2025-03-31T06:00:00Z"));
        documentRouted(middle, space, employer, "AFFILIATIONS", "February", pdf("2", 0),
                Instant.parse("2025-02-28T06:00:00Z"));
        awaitStored(oldest);
        awaitStored(middle);
        awaitStored(newest);

        given().auth().oauth2(Tokens.user(alice)).when().get(inboxPath(space))
                .then().statusCode(200).body("items.title", contains("March", "February", "January"))
                .body("page", equalTo(0)).body("size", equalTo(20)).body("totalPages", equalTo(1));
        given().auth().oauth2(Tokens.user(alice)).queryParam("size", 2).queryParam("page", 1).when().get(inboxPath(space))
                .then().statusCode(200).body("items.title", contains("January"))
                .body("totalItems", equalTo(3)).body("totalPages", equalTo(2));
        // A full page and a page past the end do not tell the total: it is counted.
        given().auth().oauth2(Tokens.user(alice)).queryParam("size", 2).when().get(inboxPath(space))
                .then().statusCode(200).body("items.title", contains("March", "February"))
                .body("totalItems", equalTo(3)).body("totalPages", equalTo(2));
        given().auth().oauth2(Tokens.user(alice)).queryParam("size", 2).queryParam("page", 5).when().get(inboxPath(space))
                .then().statusCode(200).body("items", hasSize(0)).body("totalItems", equalTo(3));
        given().auth().oauth2(Tokens.user(alice)).queryParam("domain", "BILLING").when().get(inboxPath(space))
                .then().statusCode(200).body("items.title", contains("March", "January"));

        given().auth().oauth2(Tokens.user(alice)).when().get(inboxPath(space) + "/" + newest).then().statusCode(200);
        given().auth().oauth2(Tokens.user(alice)).queryParam("unread", "true").when().get(inboxPath(space))
                .then().statusCode(200).body("items.title", contains("February", "January"));
        given().auth().oauth2(Tokens.user(alice)).queryParam("unread", "true").queryParam("domain", "billing")
                .when().get(inboxPath(space))
                .then().statusCode(200).body("items.title", contains("January"));
    }

    @Test
    void rejectsBadQueryParametersNamingThem() throws Exception {
        UUID space = UUID.randomUUID();
        String alice = newUser();
        memberAdded(space, alice);
        given().auth().oauth2(Tokens.user(alice))
                .queryParam("domain", "HEALTH").queryParam("unread", "maybe").queryParam("page", "-1")
                .queryParam("size", "1000")
                .when().get(inboxPath(space))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("domain", "unread", "page", "size"));
        given().auth().oauth2(Tokens.user(alice)).queryParam("size", "abc").when().get(inboxPath(space))
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void nonMembersGet404ForTheInboxAndItsDocuments() throws Exception {
        UUID space = UUID.randomUUID();
        UUID otherSpace = UUID.randomUUID();
        String alice = newUser();
        String employer = newEmployer();
        memberAdded(space, alice);
        memberAdded(otherSpace, alice);
        activate(space, employer, "BILLING");
        UUID document = UUID.randomUUID();
        documentRouted(document, space, employer, "BILLING", "Private", pdf("private", 0), Instant.now());
        awaitStored(document);

        String stranger = newUser();
        given().auth().oauth2(Tokens.user(stranger)).when().get(inboxPath(space)).then().statusCode(404);
        given().auth().oauth2(Tokens.user(stranger)).when().get(inboxPath(space) + "/" + document)
                .then().statusCode(404).contentType("application/problem+json");
        // A member of another space does not reach this space's document through their own space.
        given().auth().oauth2(Tokens.user(alice)).when().get(inboxPath(otherSpace) + "/" + document)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.user(alice)).when().get(inboxPath(space) + "/" + UUID.randomUUID())
                .then().statusCode(404);
        given().when().get(inboxPath(space) + "/" + document).then().statusCode(401);
        assertEquals(0, count("select count(*) from document_reading where document_id = '" + document + "'"));
    }

    @Test
    void aDocumentForADomainWithoutEDeliveryGoesToTheDeadLetterTopicAndIsNotStored() throws Exception {
        UUID space = UUID.randomUUID();
        String employer = newEmployer();
        activate(space, employer, "BILLING");
        UUID document = UUID.randomUUID();
        documentRouted(document, space, employer, "REMUNERATIONS", "Not for the inbox", pdf("x", 0), Instant.now());

        ConsumerRecord<String, String> dead = TopicReader.await(DEAD_LETTER, r -> document.toString().equals(r.key()),
                1, Duration.ofSeconds(30)).get(0);
        org.hamcrest.MatcherAssert.assertThat(TopicReader.header(dead, "dead-letter-reason"),
                containsString("eDelivery is not active"));
        assertEquals("lu.ccss.mailing.document-for-inbox.v1", TopicReader.header(dead, "ce_type"));
        assertEquals(0, count("select count(*) from inbox_document where id = '" + document + "'"));
    }

    /** A document reaches the inbox only from the private topic: the shared one carries facts, never content. */
    @Test
    void aDocumentOnTheSharedMailingTopicIsNeverTakenIntoTheInbox() throws Exception {
        UUID space = UUID.randomUUID();
        String employer = newEmployer();
        activate(space, employer, "BILLING");
        byte[] content = pdf("shared", 0);
        UUID onSharedTopic = UUID.randomUUID();
        String legacy = "{\"documentId\":\"" + onSharedTopic + "\",\"spaceId\":\"" + space + "\",\"employer\":\""
                + employer + "\",\"domain\":\"BILLING\",\"title\":\"Old style\",\"contentType\":\"application/pdf\","
                + "\"size\":" + content.length + ",\"sha256\":\"" + sha256(content) + "\",\"content\":\""
                + java.util.Base64.getEncoder().encodeToString(content) + "\",\"routedAt\":\"" + Instant.now() + "\"}";
        lu.ccss.guichet.testing.TopicWriter.publish(lu.ccss.guichet.events.Topics.MAILING, onSharedTopic.toString(),
                UUID.randomUUID().toString(), "lu.ccss.mailing.document-routed.v1", legacy);
        UUID onPrivateTopic = UUID.randomUUID();
        documentRouted(onPrivateTopic, space, employer, "BILLING", "New style", pdf("private", 0), Instant.now());

        awaitStored(onPrivateTopic);
        assertEquals(0, count("select count(*) from inbox_document where id = '" + onSharedTopic + "'"));
    }

    @Test
    void documentsThatAreNotWhatTheyAnnounceAreDeadLettered() throws Exception {
        UUID space = UUID.randomUUID();
        String employer = newEmployer();
        activate(space, employer, "BILLING");
        byte[] content = pdf("tampered", 0);
        UUID wrongHash = UUID.randomUUID();
        documentRouted(UUID.randomUUID().toString(), wrongHash, space, employer, "BILLING", "Tampered",
                "application/pdf", content, sha256("something else".getBytes(StandardCharsets.UTF_8)), Instant.now());
        UUID notPdf = UUID.randomUUID();
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        documentRouted(UUID.randomUUID().toString(), notPdf, space, employer, "BILLING", "Page", "text/html", html,
                sha256(html), Instant.now());
        UUID disguised = UUID.randomUUID();
        documentRouted(UUID.randomUUID().toString(), disguised, space, employer, "BILLING", "Disguised",
                "application/pdf", html, sha256(html), Instant.now());

        assertReason(wrongHash, "SHA-256");
        assertReason(notPdf, "only application/pdf");
        assertReason(disguised, "not a PDF");
        assertEquals(0, count("select count(*) from inbox_document where id in ('" + wrongHash + "', '" + notPdf
                + "', '" + disguised + "')"));
    }

    private static void assertReason(UUID document, String reason) {
        ConsumerRecord<String, String> dead = TopicReader.await(DEAD_LETTER, r -> document.toString().equals(r.key()),
                1, Duration.ofSeconds(30)).get(0);
        org.hamcrest.MatcherAssert.assertThat(TopicReader.header(dead, "dead-letter-reason"), containsString(reason));
    }

    @Test
    void theSameDocumentRoutedTwiceIsStoredOnce() throws Exception {
        UUID space = UUID.randomUUID();
        String alice = newUser();
        String employer = newEmployer();
        memberAdded(space, alice);
        activate(space, employer, "BILLING");
        UUID document = UUID.randomUUID();
        byte[] content = pdf("twice", 0);
        documentRouted(document, space, employer, "BILLING", "Twice", content, Instant.now());
        documentRouted(document, space, employer, "BILLING", "Twice", content, Instant.now());
        UUID marker = UUID.randomUUID();
        documentRouted(marker, space, employer, "BILLING", "Marker", pdf("marker", 0), Instant.now());
        awaitStored(marker);
        assertEquals(1, count("select count(*) from inbox_document where id = '" + document + "'"));
        given().auth().oauth2(Tokens.user(alice)).when().get(inboxPath(space)).then().body("items", hasSize(2));
    }

    @Test
    void fiveMegabyteDocumentsTravelAreStoredEncryptedAndDeadLetteredWhole() throws Exception {
        UUID space = UUID.randomUUID();
        String alice = newUser();
        String employer = newEmployer();
        memberAdded(space, alice);
        activate(space, employer, "EMPLOYER_DATA");
        byte[] big = pdf("big", 5 * 1024 * 1024 - 100);
        UUID document = UUID.randomUUID();
        long began = System.nanoTime();
        documentRouted(document, space, employer, "EMPLOYER_DATA", "Big", big, Instant.now());
        awaitStored(document);
        long storedMs = (System.nanoTime() - began) / 1_000_000;

        began = System.nanoTime();
        Response download = given().auth().oauth2(Tokens.user(alice)).when().get(inboxPath(space) + "/" + document);
        long downloadMs = (System.nanoTime() - began) / 1_000_000;
        download.then().statusCode(200);
        assertArrayEquals(big, download.asByteArray());
        System.out.printf("[measure] %d-byte document: published to stored %d ms, downloaded in %d ms%n", big.length,
                storedMs, downloadMs);

        // At rest the bytes are encrypted: the plaintext marker is not in the column.
        try (Connection c = TestDatabase.connect(); ResultSet rs = c.createStatement().executeQuery(
                "select encrypted from inbox_document_content where document_id = '" + document + "'")) {
            rs.next();
            byte[] stored = rs.getBytes(1);
            assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("%PDF-"), "stored in clear");
            assertEquals(big.length + 12 + 16, stored.length);
        }

        UUID refused = UUID.randomUUID();
        documentRouted(refused, space, employer, "BILLING", "Big and refused", big, Instant.now());
        ConsumerRecord<String, String> dead = TopicReader.await(DEAD_LETTER, r -> refused.toString().equals(r.key()),
                1, Duration.ofSeconds(60)).get(0);
        org.hamcrest.MatcherAssert.assertThat(dead.value(), not(org.hamcrest.Matchers.emptyString()));
        assertEquals(true, dead.value().length() > big.length, "the whole record is dead-lettered");
    }
}

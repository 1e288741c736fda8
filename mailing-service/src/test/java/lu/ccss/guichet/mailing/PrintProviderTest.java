package lu.ccss.guichet.mailing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.mailing.render.LetterRenderer;
import lu.ccss.guichet.mailing.service.SealedDownload;
import lu.ccss.guichet.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.mailing.MailingApi.addressWindow;
import static lu.ccss.guichet.mailing.MailingApi.awaitLetters;
import static lu.ccss.guichet.mailing.MailingApi.count;
import static lu.ccss.guichet.mailing.MailingApi.db;
import static lu.ccss.guichet.mailing.MailingApi.operator;
import static lu.ccss.guichet.mailing.MailingApi.pages;
import static lu.ccss.guichet.mailing.MailingApi.pdf;
import static lu.ccss.guichet.mailing.MailingApi.printProvider;
import static lu.ccss.guichet.mailing.MailingApi.printProviderKey;
import static lu.ccss.guichet.mailing.MailingApi.printed;
import static lu.ccss.guichet.mailing.MailingApi.text;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Security review, finding 4: operators follow letters without codes; codes go to the print provider, audited. */
@QuarkusTest
class PrintProviderTest {

    private static CodesIssuedFixture request() {
        CodesIssuedFixture request = CodesIssuedFixture.request("fr")
                .withAgent("Fiduciaire Weber & Associés S.A.", CodeLettersTest.WEBER, Domain.REMUNERATIONS,
                        Domain.BILLING)
                .withAgent("Lohnbüro Klein GmbH", CodeLettersTest.KLEIN, Domain.AFFILIATIONS);
        request.publish();
        awaitLetters(request.requestId, 3);
        return request;
    }

    /** Every code of the request, as printed and without its separators. */
    private static List<String> needles(CodesIssuedFixture request) {
        List<String> needles = new ArrayList<>();
        for (String code : request.allCodes()) {
            needles.add(code);
            needles.add(code.replace("-", ""));
        }
        return needles;
    }

    private static String batchOf(Response created) {
        return created.header("Location").replaceAll(".*/", "");
    }

    @Test
    void anOperatorSeesEachCodeLetterLaidOutAsPrintedButWithEveryCodeMasked() {
        CodesIssuedFixture request = request();
        List<String> needles = needles(request);
        StringBuilder allPrinted = new StringBuilder();
        for (Map<String, Object> letter : MailingApi.letters(request.requestId)) {
            byte[] operatorView = pdf(letter.get("id"));
            byte[] asPrinted = printed(letter.get("id"));
            allPrinted.append(text(asPrinted));
            String seen = text(operatorView);
            needles.forEach(code -> assertThat("letter " + letter.get("id"), seen, not(containsString(code))));
            assertThat(seen, containsString("XXXX-XXXX-XXXX"));
            // The same letter otherwise: address window, reference, letter number, pages.
            assertEquals(addressWindow(asPrinted), addressWindow(operatorView));
            assertThat(seen, containsString(request.reference));
            assertThat(seen, containsString(letter.get("id").toString()));
            assertEquals(pages(asPrinted), pages(operatorView));
            assertEquals(((Number) letter.get("pages")).intValue(), pages(operatorView));
        }
        // The codes are in the letters as printed, so finding none in the operator's views means something.
        request.allCodes().forEach(code -> assertThat(allPrinted.toString(), containsString(code)));

        // The operator's print batch archive holds the operator's views too.
        Response created = given().auth().oauth2(operator()).when().post("/api/print-batches");
        created.then().statusCode(201).contentType("application/zip");
        Map<String, byte[]> entries = PrintArchives.entries(created.asByteArray());
        String archived = new String(entries.get("manifest.csv"), StandardCharsets.UTF_8);
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            if (entry.getKey().endsWith(".pdf")) {
                archived += text(entry.getValue());
            }
        }
        for (Map<String, Object> letter : MailingApi.letters(request.requestId)) {
            assertThat(archived, containsString(letter.get("id").toString()));
        }
        String operatorArchive = archived;
        needles.forEach(code -> assertThat(operatorArchive, not(containsString(code))));
        byte[] again = given().auth().oauth2(operator()).when().get("/api/print-batches/" + batchOf(created))
                .then().statusCode(200).extract().asByteArray();
        PrintArchives.entries(again).forEach((name, content) -> {
            if (name.endsWith(".pdf")) {
                needles.forEach(code -> assertThat(text(content), not(containsString(code))));
            }
        });
    }

    @Test
    void onlyThePrintProviderDownloadsCodesAndItCannotActAsAnOperator() throws SQLException {
        CodesIssuedFixture request = request();
        String batchId = batchOf(given().auth().oauth2(operator()).when().post("/api/print-batches")
                .then().statusCode(201).extract().response());
        Object letterId = MailingApi.letters(request.requestId).get(0).get("id");

        for (String token : List.of(operator(), Tokens.user("someone"), Tokens.domainSystem())) {
            given().auth().oauth2(token).when().get("/api/print-batches/" + batchId + "/archive")
                    .then().statusCode(403);
            given().auth().oauth2(token).when().get("/api/letters/" + letterId + "/printable")
                    .then().statusCode(403);
        }
        given().when().get("/api/print-batches/" + batchId + "/archive").then().statusCode(401);
        given().when().get("/api/letters/" + letterId + "/printable").then().statusCode(401);

        // The provider is not an operator: no letter list, no operator view, no batch, no posting, no audit trail.
        given().auth().oauth2(printProvider()).when().get("/api/letters/" + letterId + "/pdf").then().statusCode(403);
        given().auth().oauth2(printProvider()).queryParam("requestId", request.requestId.toString())
                .when().get("/api/letters").then().statusCode(403);
        given().auth().oauth2(printProvider()).when().post("/api/print-batches").then().statusCode(403);
        given().auth().oauth2(printProvider()).when().get("/api/print-batches/" + batchId).then().statusCode(403);
        given().auth().oauth2(printProvider()).when().post("/api/letters/" + letterId + "/posted")
                .then().statusCode(403);
        given().auth().oauth2(printProvider()).when().get("/api/print-batches/" + batchId + "/downloads")
                .then().statusCode(403);
        assertEquals(0, count("select count(*) from code_download where batch_id = ?::uuid", batchId),
                "a refused call downloads nothing and records nothing");
    }

    @Test
    void theProviderGetsTheArchiveEncryptedForItsKeyAndEachDownloadIsAudited() throws Exception {
        CodesIssuedFixture request = request();
        List<Map<String, Object>> letters = MailingApi.letters(request.requestId);
        String batchId = batchOf(given().auth().oauth2(operator()).when().post("/api/print-batches")
                .then().statusCode(201).extract().response());
        assertEquals(0, count("select count(*) from code_download where batch_id = ?::uuid", batchId));
        given().auth().oauth2(printProvider()).when().get("/api/print-batches")
                .then().statusCode(200).body("batchId", org.hamcrest.Matchers.hasItem(batchId));

        byte[] sealed = given().auth().oauth2(printProvider()).when().get("/api/print-batches/" + batchId + "/archive")
                .then().statusCode(200).contentType(SealedDownload.MEDIA_TYPE).header("Cache-Control", "no-store")
                .extract().asByteArray();
        String raw = new String(sealed, StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("%PDF") || raw.contains("manifest.csv"), "the archive is encrypted");
        needles(request).forEach(code -> assertFalse(raw.contains(code)));
        assertThrows(IllegalArgumentException.class, () -> SealedDownload.open(sealed,
                lu.ccss.guichet.platform.crypto.KeyMaterial.throwAwayRsa().getPrivate()), "another key opens nothing");
        byte[] altered = sealed.clone();
        altered[10] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> SealedDownload.open(altered, printProviderKey()),
                "the header is authenticated");

        SealedDownload.Opened opened = SealedDownload.open(sealed, printProviderKey());
        assertEquals("print-test-key", opened.keyId());
        assertEquals("print-batch:" + batchId, opened.subject());
        Map<String, byte[]> entries = PrintArchives.entries(opened.content());
        List<List<String>> manifest = PrintArchives.manifest(entries);
        StringBuilder printedText = new StringBuilder();
        for (Map<String, Object> letter : letters) {
            List<String> row = manifest.stream().filter(r -> r.get(1).equals(letter.get("id"))).findFirst()
                    .orElseThrow(() -> new AssertionError("letter " + letter.get("id") + " not in the manifest"));
            byte[] pdf = entries.get(row.get(0));
            assertNotNull(pdf);
            assertEquals(letter.get("contentSha256"), LetterRenderer.sha256(pdf), "the PDF as printed");
            printedText.append(text(pdf));
        }
        request.allCodes().forEach(code -> assertThat(printedText.toString(), containsString(code)));
        int lettersInArchive = manifest.size() - 1;

        // One download, one audit row, visible to operators, without codes.
        assertEquals(1, count("select count(*) from code_download where batch_id = ?::uuid", batchId));
        String trail = given().auth().oauth2(operator()).when().get("/api/print-batches/" + batchId + "/downloads")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].what", equalTo("PRINT_ARCHIVE"))
                .body("[0].downloadedBy", equalTo(MailingApi.PRINT_SHOP))
                .body("[0].clientId", equalTo("print-provider"))
                .body("[0].batchId", equalTo(batchId))
                .body("[0].letterCount", equalTo(lettersInArchive))
                .body("[0].keyId", equalTo("print-test-key"))
                .body("[0].downloadedAt", org.hamcrest.Matchers.notNullValue())
                .extract().asString();
        needles(request).forEach(code -> assertFalse(trail.contains(code)));

        // Downloading again is recorded again.
        given().auth().oauth2(printProvider()).when().get("/api/print-batches/" + batchId + "/archive")
                .then().statusCode(200);
        assertEquals(2, count("select count(*) from code_download where batch_id = ?::uuid", batchId));

        // One letter as printed: sealed, audited, shown on the letter and on its batch.
        Object letterId = letters.get(0).get("id");
        byte[] one = given().auth().oauth2(printProvider()).when().get("/api/letters/" + letterId + "/printable")
                .then().statusCode(200).contentType(SealedDownload.MEDIA_TYPE).extract().asByteArray();
        SealedDownload.Opened letter = SealedDownload.open(one, printProviderKey());
        assertEquals("letter:" + letterId, letter.subject());
        assertEquals(letters.get(0).get("contentSha256"), LetterRenderer.sha256(letter.content()));
        assertEquals(1, count("select count(*) from code_download where letter_id = ?::uuid and what = 'LETTER_PDF' "
                + "and batch_id = ?::uuid", letterId.toString(), batchId));
        given().auth().oauth2(operator()).when().get("/api/letters/" + letterId + "/downloads")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].what", equalTo("LETTER_PDF"))
                .body("[0].letterCount", equalTo(1));
        given().auth().oauth2(operator()).when().get("/api/print-batches/" + batchId + "/downloads")
                .then().statusCode(200).body("$", hasSize(3));

        // Once posted, nothing is left to download, and nothing is recorded.
        given().auth().oauth2(operator()).when().post("/api/letters/" + letterId + "/posted").then().statusCode(200);
        given().auth().oauth2(printProvider()).when().get("/api/letters/" + letterId + "/printable")
                .then().statusCode(410);
        given().auth().oauth2(printProvider()).when().get("/api/print-batches/" + UUID.randomUUID() + "/archive")
                .then().statusCode(404);
        assertEquals(1, count("select count(*) from code_download where letter_id = ?::uuid", letterId.toString()));
    }

    @Test
    void theDownloadAuditTrailRefusesChangesAndRemovals() throws SQLException {
        UUID batch = UUID.randomUUID();
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into code_download (downloaded_at, downloaded_by, what, batch_id, letter_count, "
                    + "key_id) values (now(), 'someone', 'PRINT_ARCHIVE', '" + batch + "', 3, 'k')");
            SQLException update = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "update code_download set downloaded_by = 'nobody' where batch_id = '" + batch + "'"));
            assertThat(update.getMessage(), containsString("append-only"));
            SQLException delete = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "delete from code_download where batch_id = '" + batch + "'"));
            assertThat(delete.getMessage(), containsString("append-only"));
            SQLException truncate = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "truncate code_download"));
            assertThat(truncate.getMessage(), containsString("append-only"));
        }
        assertEquals(1, count("select count(*) from code_download where batch_id = ?::uuid and downloaded_by = "
                + "'someone'", batch.toString()));
        assertTrue(true);
    }
}

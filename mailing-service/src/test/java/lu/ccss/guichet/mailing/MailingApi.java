package lu.ccss.guichet.mailing;

import io.restassured.path.json.JsonPath;
import lu.ccss.guichet.platform.crypto.KeyMaterial;
import lu.ccss.guichet.platform.crypto.SealedBox;
import lu.ccss.guichet.testing.PostgresTestResource;
import lu.ccss.guichet.testing.Tokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.testing.TestDatabase.sleep;

/** What the tests do through the API and see in the database, as an operator or an auditor would. */
final class MailingApi {

    /** A fresh token each time: tokens live five minutes. */
    static String operator() {
        return Tokens.operator("operator-anna");
    }

    static final String PRINT_SHOP = "service-account-print-provider";

    /** The print provider's service account (client credentials of the client print-provider). */
    static String printProvider() {
        return Tokens.token(PRINT_SHOP, Set.of("print-provider"), Map.of("azp", "print-provider"));
    }

    /** The private half of the test print provider key ({@code guichet.print.provider-public-key} in tests). */
    static PrivateKey printProviderKey() {
        return KeyMaterial.privateKey("src/test/resources/keys/print-provider-test-private.pem");
    }

    /** The test profile's fixed key for letters at rest ({@code %test.guichet.letters.encryption-key}). */
    private static final SecretKey LETTERS_KEY = new SecretKeySpec(
            Base64.getDecoder().decode("Hdu/bUr+78xBA2Q1Lx6H4ekGrpKfluXs+65w6AuxLkw="), "AES");

    /**
     * The letter as it will be printed, codes inside, read as the print provider would get it: straight from the
     * database, decrypted with the test key (no API gives it to anyone but the print provider, once batched).
     */
    static byte[] printed(Object letterId) {
        try (Connection c = db(); var statement = c.prepareStatement(
                "select pdf_encrypted from letter where id = ?::uuid")) {
            statement.setString(1, letterId.toString());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next() || rs.getBytes(1) == null) {
                    throw new AssertionError("letter " + letterId + " has no stored PDF");
                }
                return SealedBox.Aes.decryptWithIvPrefix(LETTERS_KEY, rs.getBytes(1),
                        letterId.toString().getBytes(StandardCharsets.UTF_8));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
    static final float MM = 72f / 25.4f;

    private MailingApi() {
    }

    /** Waits until the request has {@code count} letters, and returns them (JSON list). */
    static List<Map<String, Object>> awaitLetters(UUID requestId, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<Map<String, Object>> letters;
        do {
            letters = letters(requestId);
            if (letters.size() >= count) {
                return letters;
            }
            sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Expected " + count + " letters for request " + requestId + ", found "
                + letters.size());
    }

    static List<Map<String, Object>> letters(UUID requestId) {
        return given().auth().oauth2(operator()).queryParam("requestId", requestId.toString())
                .when().get("/api/letters")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    static JsonPath letter(Object letterId) {
        return given().auth().oauth2(operator()).when().get("/api/letters/" + letterId)
                .then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> letterOfKind(List<Map<String, Object>> letters, String kind, String recipient) {
        return letters.stream()
                .filter(l -> kind.equals(l.get("kind")) && (recipient == null || recipient.equals(l.get("recipientName"))))
                .findFirst().orElseThrow(() -> new AssertionError("No " + kind + " letter to " + recipient));
    }

    static byte[] pdf(Object letterId) {
        return given().auth().oauth2(operator()).when().get("/api/letters/" + letterId + "/pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
    }

    static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // Lines joined: a label wrapped over two lines reads as one phrase.
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text inside the left window of a C5/6 envelope on page 1 (20 mm from the left, 45 mm from the top, 85×45 mm). */
    static String addressWindow(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripperByArea stripper = new PDFTextStripperByArea();
            stripper.addRegion("window", new Rectangle2D.Float(20 * MM, 45 * MM, 85 * MM, 45 * MM));
            stripper.extractRegions(document.getPage(0));
            return stripper.getTextForRegion("window");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Connection db() throws SQLException {
        return DriverManager.getConnection(PostgresTestResource.jdbcUrl(), PostgresTestResource.USER,
                PostgresTestResource.PASSWORD);
    }

    static long count(String sql, Object... params) throws SQLException {
        try (Connection c = db(); var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

}

package lu.ccss.guichet.edelivery;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import lu.ccss.guichet.platform.crypto.SealedBox;
import lu.ccss.guichet.testing.TestDatabase;
import lu.ccss.guichet.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.edelivery.EDeliveryApi.activate;
import static lu.ccss.guichet.edelivery.EDeliveryApi.awaitStored;
import static lu.ccss.guichet.edelivery.EDeliveryApi.documentRouted;
import static lu.ccss.guichet.edelivery.EDeliveryApi.memberAdded;
import static lu.ccss.guichet.edelivery.EDeliveryApi.newEmployer;
import static lu.ccss.guichet.edelivery.EDeliveryApi.pdf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rotating EDELIVERY_DOCUMENTS_KEY: with a new key first and the old one after it, new documents are encrypted with
 * the new key, and documents encrypted with the old key still download.
 */
@QuarkusTest
@TestProfile(DocumentsKeyRotationTest.Rotated.class)
class DocumentsKeyRotationTest {

    static final byte[] OLD = "old-edelivery-documents-key-32by".getBytes(StandardCharsets.US_ASCII);
    static final byte[] NEW = "new-edelivery-documents-key-32by".getBytes(StandardCharsets.US_ASCII);

    public static class Rotated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guichet.edelivery.documents-key", "2026-12:" + Base64.getEncoder().encodeToString(NEW)
                    + ",1:" + Base64.getEncoder().encodeToString(OLD));
        }
    }

    @Test
    void newDocumentsUseTheCurrentKeyAndOlderOnesStillOpen() throws Exception {
        UUID space = UUID.randomUUID();
        String reader = Tokens.newUser();
        String employer = newEmployer();
        memberAdded(space, reader);
        activate(space, employer, "BILLING");
        UUID document = UUID.randomUUID();
        byte[] content = pdf("Statement " + document, 0);
        documentRouted(document, space, employer, "BILLING", "Statement", content, Instant.now());
        awaitStored(document);
        assertEquals("2026-12", TestDatabase.text("select key_id from inbox_document_content where document_id = '"
                + document + "'"), "sealed with the current key");

        // As if it had been stored before the rotation, under the key given without an id.
        byte[] underOldKey = SealedBox.Aes.encryptWithRandomIv(new SecretKeySpec(OLD, "AES"), content,
                ("inbox-document:" + document).getBytes(StandardCharsets.UTF_8));
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(
                "update inbox_document_content set key_id = '1', encrypted = ? where document_id = ?")) {
            s.setBytes(1, underOldKey);
            s.setObject(2, document);
            assertEquals(1, s.executeUpdate());
        }
        byte[] downloaded = given().auth().oauth2(Tokens.user(reader))
                .when().get("/api/spaces/" + space + "/edelivery/documents/" + document)
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(content, downloaded);
    }
}

package lu.ccss.guichet.certification;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import lu.ccss.guichet.testing.TestDatabase;
import lu.ccss.guichet.testing.Tokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.certification.Fixtures.*;
import static lu.ccss.guichet.testing.Tokens.newUser;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SignedDocumentTest {

    private static byte[] document(String user, String id, boolean signed) {
        Response response = given().auth().oauth2(Tokens.user(user))
                .when().get("/api/certification-requests/" + id + "/document");
        response.then().statusCode(200).contentType("application/pdf")
                .header("X-Document-Signed", String.valueOf(signed))
                .header("Content-Disposition", containsString(signed ? "-signed.pdf" : ".pdf"));
        return response.asByteArray();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static X509Certificate testCertificate() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/signing/test-signer.p12"))) {
            store.load(in, "test-only-password".toCharArray());
        }
        return (X509Certificate) store.getCertificate("signer");
    }

    @Test
    void theSignedPdfVerifiesWithTheConfiguredCertificateAndAChangedByteFails() throws Exception {
        String user = newUser();
        UUID space = spaceWithMember(user);
        String id = completeDraft(user, space, EMPLOYER, "fr", "Sign-me-42");
        post(user, id, "confirm").statusCode(200);
        byte[] unsigned = document(user, id, false);
        assertFalse(new String(unsigned, java.nio.charset.StandardCharsets.ISO_8859_1).contains("/ByteRange"));

        post(user, id, "signature").statusCode(200)
                .body("document.signerCertificate", containsString("CN=Test signer"));
        byte[] signed = document(user, id, true);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/signed-request-sample.pdf"), signed);

        // The signed file is the document to sign plus an incremental update: what was shown is what was signed.
        assertArrayEquals(unsigned, java.util.Arrays.copyOf(signed, unsigned.length));
        int[] range = PdfSignatureCheck.byteRange(signed);
        PdfSignatureCheck.Result result = PdfSignatureCheck.verify(signed, range);
        X509Certificate expected = testCertificate();
        assertEquals(expected, result.certificate());
        result.certificate().checkValidity();
        assertTrue(result.hasSigningCertificateV2(), "PAdES signing-certificate-v2 attribute");
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignature signature = document.getSignatureDictionaries().get(0);
            assertEquals("Adobe.PPKLite", signature.getFilter());
            assertEquals("adbe.pkcs7.detached", signature.getSubFilter());
            assertEquals("Claire Schmit", signature.getName());
            assertTrue(signature.getReason().contains(TestDatabase.text("select reference from certification_request where id = '"
                    + id + "'")));
        }

        for (int position : new int[]{range[1] / 2, range[2] + range[3] / 2, signed.length - 20}) {
            byte[] changed = signed.clone();
            changed[position] ^= 0x01;
            assertFalse(PdfSignatureCheck.verifies(changed, range), "a byte changed at " + position + " is caught");
        }
        assertTrue(PdfSignatureCheck.verifies(signed.clone(), range));
    }

    @Test
    void theDocumentCarriesEveryStepInFrenchButNeverTheSecurityCode() throws Exception {
        String user = newUser();
        UUID space = spaceWithMember(user);
        String id = completeDraft(user, space, EMPLOYER, "fr", "PdfSecret7");
        String reference = post(user, id, "confirm").statusCode(200).extract().path("reference");
        String text = pdfText(document(user, id, false));
        for (String expected : List.of(reference, "Demande de certification d'espace professionnel", "Déposant",
                "Schmit", "Claire", "claire.schmit@boulangerie-schmit.lu", "+352621123456", EMPLOYER,
                "Boulangerie-Pâtisserie Schmit S.à r.l.", "23, Avenue de la Liberté", "L-1931 Luxembourg",
                "français", "Fiduciaire Weber", AGENT_A, "Affiliations des salariés", "Payroll Services Lux",
                "Facturation et comptabilité", "L-4011 Esch-sur-Alzette", "Un seul mandataire", "non",
                "Un code de sécurité a été choisi", space.toString(), "page 1 sur")) {
            assertTrue(text.contains(expected), "the document shows " + expected + " in: " + text);
        }
        assertFalse(text.contains("PdfSecret7"));
        assertFalse(text.contains("argon2"));

        post(user, id, "signature").statusCode(200);
        String signedText = pdfText(document(user, id, true));
        assertTrue(signedText.contains(reference));
        assertFalse(signedText.contains("PdfSecret7"));
    }

    @Test
    void theDocumentIsWrittenInTheCorrespondenceLanguage() throws Exception {
        String user = newUser();
        UUID space = spaceWithMember(user);
        String german = completeDraft(user, space, EMPLOYER, "de", "Sprache-1");
        post(user, german, "confirm").statusCode(200);
        String deText = pdfText(document(user, german, false));
        for (String expected : List.of("Antrag auf Zertifizierung eines beruflichen Bereichs", "Arbeitgeber",
                "Matrikelnummer", "Avenue de la Liberté 23", "Deutsch", "Anmeldung der Arbeitnehmer",
                "Rechnungsstellung und Buchhaltung", "Seite 1 von")) {
            assertTrue(deText.contains(expected), "German: " + expected + " in " + deText);
        }

        String english = completeDraft(user, space, OTHER_EMPLOYER, "en", "Language-1");
        post(user, english, "confirm").statusCode(200);
        String enText = pdfText(document(user, english, false));
        for (String expected : List.of("Professional space certification request", "Employer",
                "Registration number", "23 Avenue de la Liberté", "English", "Employee affiliations",
                "Billing and accounting", "page 1 of")) {
            assertTrue(enText.contains(expected), "English: " + expected + " in " + enText);
        }
        assertFalse(enText.contains("Demande de certification"));
    }

    @Test
    void namesOutsideTheFontStillRender() throws Exception {
        String user = newUser();
        UUID space = spaceWithMember(user);
        String id = openDraft(user, space);
        put(user, id, "information", acknowledged()).statusCode(200);
        put(user, id, "warning", acknowledged()).statusCode(200);
        put(user, id, "filer", java.util.Map.of("lastName", "Łukasiewicz-Ωmega 漢字", "firstName", "Zoë",
                "email", "zoe@example.lu", "phone", "+48 22 123 45 67")).statusCode(200);
        put(user, id, "employer", employer(EMPLOYER, "en")).statusCode(200);
        put(user, id, "agents", agents(false, List.of())).statusCode(200);
        put(user, id, "security-code", securityCode("Unicode-1")).statusCode(200);
        post(user, id, "confirm").statusCode(200).body("state", equalTo("CONFIRMED"));
        String text = pdfText(document(user, id, false));
        assertTrue(text.contains("Łukasiewicz-Ωmega"), text);
        assertTrue(text.contains("Zoë"));
        assertTrue(text.contains("No agent"));
    }
}

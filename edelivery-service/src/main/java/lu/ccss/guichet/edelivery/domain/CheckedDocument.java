package lu.ccss.guichet.edelivery.domain;

import lu.ccss.guichet.events.MailingEvents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The bytes of a routed document, once they proved to be what the event says: a PDF of the announced size whose
 * SHA-256 is the announced one. Only PDFs are taken: the inbox serves documents from this service's own origin, and
 * another media type (HTML, SVG) could carry a script.
 */
public record CheckedDocument(byte[] bytes) {

    public static final long MAX_SIZE = 5L * 1024 * 1024;
    public static final String PDF = "application/pdf";
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    public static CheckedDocument of(MailingEvents.DocumentForInbox event) {
        if (event.title() == null || event.title().isBlank() || event.title().length() > 255) {
            throw refused(event, "its title must be 1 to 255 characters");
        }
        if (!PDF.equalsIgnoreCase(event.contentType())) {
            throw refused(event, "its content type is " + event.contentType() + ", only application/pdf is taken");
        }
        if (event.size() < 0 || event.size() > MAX_SIZE) {
            throw refused(event, "its size " + event.size() + " is not within 0 to " + MAX_SIZE + " bytes");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(event.content() == null ? "" : event.content());
        } catch (IllegalArgumentException e) {
            throw refused(event, "its content is not standard base64");
        }
        if (bytes.length != event.size()) {
            throw refused(event, "its content holds " + bytes.length + " bytes, not the announced " + event.size());
        }
        String actual = sha256(bytes);
        if (event.sha256() == null || !MessageDigest.isEqual(actual.getBytes(StandardCharsets.US_ASCII),
                event.sha256().getBytes(StandardCharsets.US_ASCII))) {
            throw refused(event, "its SHA-256 is " + actual + ", not the announced " + event.sha256());
        }
        if (bytes.length < PDF_MAGIC.length || !Arrays.equals(bytes, 0, PDF_MAGIC.length, PDF_MAGIC, 0,
                PDF_MAGIC.length)) {
            throw refused(event, "its content is not a PDF");
        }
        return new CheckedDocument(bytes);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentRefusedException refused(MailingEvents.DocumentForInbox event, String why) {
        return new DocumentRefusedException("Document " + event.documentId() + " refused: " + why);
    }
}

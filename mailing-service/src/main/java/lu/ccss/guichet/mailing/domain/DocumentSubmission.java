package lu.ccss.guichet.mailing.domain;

import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.RegistrationNumber;
import lu.ccss.guichet.platform.errors.FieldErrors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * A document a domain system sends to an employer: a readable PDF of at most 5 MB, one of the four domains, an
 * employer registration number (11 or 13 digits), a space id and a title of 1 to 200 characters. No address nor
 * language: a document by post goes to the employer register's name, address and language. The request's annotations (LetterRequests.SendDocument) have checked
 * the fields; this reads them and checks what needs the decoded PDF.
 */
public record DocumentSubmission(UUID documentId, boolean documentIdGiven, UUID spaceId, String employer,
                                 Domain domain, String title, byte[] content, int pages) {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int TITLE_MAX = 200;
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    /** The checked request; a content that is not a printable PDF is named in a 400, and nothing is kept. */
    public static DocumentSubmission of(UUID documentId, UUID spaceId, String rawEmployer, String rawDomain,
                                        String rawTitle, String rawContent) {
        FieldErrors errors = new FieldErrors();
        byte[] content = content(rawContent, errors);
        int pages = content == null ? 0 : pages(content, errors);
        errors.throwIfAny("The document");
        return new DocumentSubmission(documentId == null ? UUID.randomUUID() : documentId, documentId != null,
                spaceId, RegistrationNumber.normalise(rawEmployer.strip()), Domain.parse(rawDomain).orElseThrow(),
                rawTitle.strip(), content, pages);
    }

    private static byte[] content(String raw, FieldErrors errors) {
        String base64 = withoutWhitespace(raw);
        if (base64.length() > (MAX_BYTES + 2) / 3 * 4) {
            errors.add("content", "is larger than 5 MB");
            return null;
        }
        byte[] content;
        try {
            content = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            errors.add("content", "is not valid base64");
            return null;
        }
        if (content.length > MAX_BYTES) {
            errors.add("content", "is larger than 5 MB");
            return null;
        }
        if (content.length < PDF_MAGIC.length
                || !Arrays.equals(Arrays.copyOf(content, PDF_MAGIC.length), PDF_MAGIC)) {
            errors.add("content", "is not a PDF (it must start with %PDF-)");
            return null;
        }
        return content;
    }

    /**
     * {@code raw} without the whitespace regex {@code \\s} matches (space, tab, line breaks, vertical tab, form
     * feed): a loop, not a regular expression, over a content of up to 7 MB of base64; itself when there is none.
     */
    static String withoutWhitespace(String raw) {
        int length = raw.length();
        int i = 0;
        while (i < length && !regexSpace(raw.charAt(i))) {
            i++;
        }
        if (i == length) {
            return raw;
        }
        StringBuilder out = new StringBuilder(length).append(raw, 0, i);
        for (; i < length; i++) {
            char c = raw.charAt(i);
            if (!regexSpace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean regexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static int pages(byte[] content, FieldErrors errors) {
        try (PDDocument pdf = Loader.loadPDF(content)) {
            if (pdf.getNumberOfPages() == 0) {
                errors.add("content", "is a PDF without pages");
            }
            return pdf.getNumberOfPages();
        } catch (InvalidPasswordException e) {
            errors.add("content", "is a password-protected PDF, which cannot be printed");
        } catch (IOException | RuntimeException e) {
            errors.add("content", "is not a readable PDF");
        }
        return 0;
    }
}

package lu.ccss.guichet.mailing.domain;

import lu.ccss.guichet.events.RegistrationNumber;
import java.util.Optional;
import lu.ccss.guichet.events.Language;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.platform.errors.FieldError;
import lu.ccss.guichet.platform.errors.DomainException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A document a domain system sends to an employer, checked: a readable PDF of at most 5 MB, one of the four
 * domains, an employer registration number (11 or 13 digits), a space id, a title of 1 to 200 characters, and, if
 * given, a language (fr, de, en) and a complete postal address.
 */
public record DocumentSubmission(UUID documentId, boolean documentIdGiven, UUID spaceId, String employer,
                                 Domain domain, String title, byte[] content, int pages, String language,
                                 String recipientName, PostalAddress address) {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int TITLE_MAX = 200;
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    /** The raw request; every broken rule is named in one 400, and nothing is kept. */
    public static DocumentSubmission of(UUID documentId, UUID spaceId, String rawEmployer, String rawDomain,
                                        String rawTitle, String rawContent, String rawLanguage, String recipientName,
                                        PostalAddress address) {
        List<FieldError> errors = new ArrayList<>();
        if (spaceId == null) {
            errors.add(new FieldError("spaceId", "is required"));
        }
        String employer = RegistrationNumber.normalise(rawEmployer == null ? null : rawEmployer.strip());
        if (!RegistrationNumber.isValid(employer)) {
            errors.add(new FieldError("employer", "must be the employer's CCSS registration number: 11 or 13 digits"));
        }
        Domain domain = domain(rawDomain, errors);
        String title = rawTitle == null ? "" : rawTitle.strip();
        if (title.isEmpty()) {
            errors.add(new FieldError("title", "is required"));
        } else if (title.length() > TITLE_MAX) {
            errors.add(new FieldError("title", "must be at most " + TITLE_MAX + " characters"));
        } else if (title.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("title", "must be one line of text"));
        }
        String language = rawLanguage == null || rawLanguage.isBlank() ? null : rawLanguage.strip();
        if (language != null && Language.parse(language).isEmpty()) {
            errors.add(new FieldError("language", "must be fr, de or en"));
        }
        String name = recipient(recipientName, address, errors);
        byte[] content = content(rawContent, errors);
        int pages = content == null ? 0 : pages(content, errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid("The document cannot be sent: " + errors.stream()
                    .map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")), errors);
        }
        return new DocumentSubmission(documentId == null ? UUID.randomUUID() : documentId, documentId != null,
                spaceId, employer, domain, title, content, pages, language, name, address);
    }

    private static Domain domain(String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError("domain", "is required: one of " + Domain.NAMES));
            return null;
        }
        Optional<Domain> domain = Domain.parse(raw);
        if (domain.isEmpty()) {
            errors.add(new FieldError("domain", "is not a known domain: one of " + Domain.NAMES));
        }
        return domain.orElse(null);
    }

    private static String recipient(String rawName, PostalAddress address, List<FieldError> errors) {
        String name = rawName == null || rawName.isBlank() ? null : rawName.strip();
        if (name == null && address == null) {
            return null;
        }
        if (name == null) {
            errors.add(new FieldError("recipient.name", "is required with an address"));
        } else if (name.length() > 255 || name.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("recipient.name", "must be one line of at most 255 characters"));
        }
        if (address == null) {
            errors.add(new FieldError("recipient.address", "is required with a name"));
            return name;
        }
        field("recipient.address.street", address.street(), 255, errors);
        field("recipient.address.number", address.number(), 32, errors);
        field("recipient.address.postcode", address.postcode(), 16, errors);
        field("recipient.address.locality", address.locality(), 255, errors);
        if (address.country() == null || !address.country().matches("[A-Z]{2}")) {
            errors.add(new FieldError("recipient.address.country", "must be an ISO 3166-1 alpha-2 code, e.g. LU"));
        }
        return name;
    }

    private static void field(String field, String value, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "must be one line of at most " + max + " characters"));
        }
    }

    private static byte[] content(String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError("content", "is required: the PDF, base64-encoded"));
            return null;
        }
        String base64 = raw.replaceAll("\\s", "");
        if (base64.length() > (MAX_BYTES + 2) / 3 * 4) {
            errors.add(new FieldError("content", "is larger than 5 MB"));
            return null;
        }
        byte[] content;
        try {
            content = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("content", "is not valid base64"));
            return null;
        }
        if (content.length > MAX_BYTES) {
            errors.add(new FieldError("content", "is larger than 5 MB"));
            return null;
        }
        if (content.length < PDF_MAGIC.length
                || !Arrays.equals(Arrays.copyOf(content, PDF_MAGIC.length), PDF_MAGIC)) {
            errors.add(new FieldError("content", "is not a PDF (it must start with %PDF-)"));
            return null;
        }
        return content;
    }

    private static int pages(byte[] content, List<FieldError> errors) {
        try (PDDocument pdf = Loader.loadPDF(content)) {
            if (pdf.getNumberOfPages() == 0) {
                errors.add(new FieldError("content", "is a PDF without pages"));
            }
            return pdf.getNumberOfPages();
        } catch (InvalidPasswordException e) {
            errors.add(new FieldError("content", "is a password-protected PDF, which cannot be printed"));
        } catch (IOException | RuntimeException e) {
            errors.add(new FieldError("content", "is not a readable PDF"));
        }
        return 0;
    }
}

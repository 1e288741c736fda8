package lu.ccss.guichet.mailing.render;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.events.Language;
import lu.ccss.guichet.events.PostalAddress;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Renders letters: a Qute template per letter kind and language ({@code templates/letters/<language>/}) writes the
 * letter as {@link LetterMarkup}, which {@link PdfLetterWriter} lays out on A4 with PDFBox.
 */
@ApplicationScoped
public class LetterRenderer {

    private static final ZoneId LUXEMBOURG = ZoneId.of("Europe/Luxembourg");
    /** Countries whose addresses put the house number before the street: « 125, route d'Esch ». */
    private static final Set<String> NUMBER_FIRST = Set.of("LU", "FR");

    private final Engine engine;

    public LetterRenderer(Engine engine) {
        this.engine = engine;
    }

    /** The parts every letter shares, with the date of {@code at} written in the letter's language. */
    public LetterModels.Header header(UUID letterId, String language, String recipientName, PostalAddress address,
                                      String reference, String employer, Instant at) {
        Locale locale = locale(language);
        String country = address.country();
        LetterModels.AddressLines lines = new LetterModels.AddressLines(Text.clean(address.street()),
                Text.clean(address.number()), Text.clean(address.postcode()), Text.clean(address.locality()),
                NUMBER_FIRST.contains(country), !"LU".equals(country),
                new Locale("", country).getDisplayCountry(locale).toUpperCase(locale));
        String date = date(language, at);
        return new LetterModels.Header(letterId.toString(), Text.clean(recipientName), lines, Text.clean(reference),
                employer, date);
    }

    /** {@code at} as a date written out in the language (Europe/Luxembourg): « 12 mars 2025 ». */
    public static String date(String language, Instant at) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale(language))
                .format(at.atZone(LUXEMBOURG));
    }

    /** Tells the employer that a holder certification of one of its domains ended; carries no code. */
    public RenderedLetter holderNotice(String language, LetterModels.Header header, LetterModels.HolderNotice notice) {
        return letter(markup("holder-notice", language, header, notice), language);
    }

    public RenderedLetter employerLetter(String language, LetterModels.Header header, LetterModels.EmployerCodes codes) {
        return letter(markup("codes-employer", language, header, codes), language);
    }

    public RenderedLetter agentLetter(String language, LetterModels.Header header, LetterModels.AgentCodes codes) {
        return letter(markup("codes-agent", language, header, codes), language);
    }

    /** A cover page followed by the document itself; only the cover carries page numbers. */
    public RenderedLetter documentLetter(String language, LetterModels.Header header, LetterModels.DocumentCover cover,
                                         byte[] documentPdf) {
        try (PDDocument letter = new PDDocument(); PDDocument attached = Loader.loadPDF(documentPdf)) {
            int coverPages = PdfLetterWriter.write(letter, markup("document-cover", language, header, cover));
            new PDFMergerUtility().appendDocument(letter, attached);
            int total = letter.getNumberOfPages();
            PdfLetterWriter.number(letter, coverPages, page -> footer(language, page, total));
            return save(letter);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RenderedLetter letter(LetterMarkup markup, String language) {
        try (PDDocument letter = new PDDocument()) {
            int pages = PdfLetterWriter.write(letter, markup);
            PdfLetterWriter.number(letter, pages, page -> footer(language, page, pages));
            return save(letter);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LetterMarkup markup(String kind, String language, LetterModels.Header header, Object letter) {
        String text = template(kind, language).instance()
                .data("header", header)
                .data("letter", letter)
                .setLocale(Locale.forLanguageTag(language))
                .render();
        return LetterMarkup.parse(text);
    }

    private String footer(String language, int page, int pages) {
        return template("footer", language).instance().data("page", page).data("pages", pages).render().strip();
    }

    private Template template(String kind, String language) {
        if (Language.parse(language).isEmpty()) {
            throw new IllegalArgumentException("No letters in language " + language);
        }
        Template template = engine.getTemplate("letters/" + language + "/" + kind);
        if (template == null) {
            throw new IllegalStateException("Missing letter template letters/" + language + "/" + kind);
        }
        return template;
    }

    private static RenderedLetter save(PDDocument letter) throws IOException {
        PDDocumentInformation info = letter.getDocumentInformation();
        info.setAuthor("Centre commun de la sécurité sociale");
        info.setProducer("CCSS mailing-service");
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        letter.save(out);
        byte[] pdf = out.toByteArray();
        return new RenderedLetter(pdf, letter.getNumberOfPages(), sha256(pdf));
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The locale of dates and country names: British English writes « 12 March 2025 ». */
    private static Locale locale(String language) {
        return "en".equals(language) ? Locale.UK : Locale.forLanguageTag(language);
    }
}

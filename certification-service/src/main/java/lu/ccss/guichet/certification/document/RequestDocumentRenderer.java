package lu.ccss.guichet.certification.document;

import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.certification.domain.AgentDetails;
import lu.ccss.guichet.certification.domain.AgentsChoice;
import lu.ccss.guichet.certification.domain.CertificationRequest;
import lu.ccss.guichet.certification.domain.EmployerDetails;
import lu.ccss.guichet.certification.domain.FilerDetails;
import lu.ccss.guichet.events.Language;
import lu.ccss.guichet.events.PostalAddress;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TimeZone;
import java.util.stream.Collectors;

/**
 * Renders the document the employer signs (step 8): every step's data in the correspondence language, the request
 * reference, never the security code. Texts live in {@code i18n/request-document_<language>.properties}.
 */
@ApplicationScoped
public class RequestDocumentRenderer {

    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final ZoneId LUXEMBOURG = ZoneId.of("Europe/Luxembourg");

    private final byte[] font;

    public RequestDocumentRenderer() {
        try (InputStream in = PDDocumentInformation.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("Font " + FONT + " not found on the class path");
            }
            font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The texts of the document in {@code language}. */
    public static ResourceBundle texts(Language language) {
        return ResourceBundle.getBundle("i18n.request-document", language.locale(),
                RequestDocumentRenderer.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public byte[] render(CertificationRequest request) {
        EmployerDetails employer = request.employer();
        Language language = employer.language();
        ResourceBundle texts = texts(language);
        DateTimeFormatter dates = DateTimeFormatter.ofPattern(texts.getString("dateTime.pattern"), language.locale())
                .withZone(LUXEMBOURG);
        try (PdfTextWriter pdf = new PdfTextWriter(font)) {
            describe(pdf, request, texts, language);
            pdf.title(texts.getString("document.title"), 16);
            pdf.paragraph(texts.getString("document.subtitle"));
            pdf.heading(texts.getString("reference") + " " + request.reference);
            pdf.field(texts.getString("space"), request.spaceId.toString());
            pdf.field(texts.getString("confirmedAt"), dates.format(request.confirmedAt));

            pdf.heading(texts.getString("section.notes"));
            pdf.field(texts.getString("information"), dates.format(request.informationAcknowledgedAt));
            pdf.field(texts.getString("warning"), dates.format(request.warningAcknowledgedAt));

            FilerDetails filer = request.filer();
            pdf.heading(texts.getString("section.filer"));
            pdf.field(texts.getString("lastName"), filer.lastName());
            pdf.field(texts.getString("firstName"), filer.firstName());
            pdf.field(texts.getString("email"), filer.email());
            pdf.field(texts.getString("phone"), filer.phone());

            pdf.heading(texts.getString("section.employer"));
            pdf.field(texts.getString("registrationNumber"), employer.registrationNumber());
            pdf.field(texts.getString("legalName"), employer.legalName());
            pdf.field(texts.getString("address"), address(employer.address(), texts, language));
            pdf.field(texts.getString("language"), texts.getString("language." + language.code()));

            writeAgents(pdf, request.agentsChoice(), texts, language);

            pdf.heading(texts.getString("section.securityCode"));
            pdf.paragraph(texts.getString("securityCode.chosen"));

            pdf.heading(texts.getString("section.declaration"));
            pdf.paragraph(texts.getString("declaration"));
            return pdf.finish(page -> MessageFormat.format(texts.getString("footer"), request.reference,
                    page, pdf.document().getNumberOfPages()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the request document", e);
        }
    }

    /** Why the document is signed, as the signature states it. */
    public static String signatureReason(CertificationRequest request) {
        ResourceBundle texts = texts(request.employer().language());
        return MessageFormat.format(texts.getString("signature.reason"), request.reference);
    }

    private static void describe(PdfTextWriter pdf, CertificationRequest request, ResourceBundle texts,
                                 Language language) {
        PDDocumentInformation info = pdf.document().getDocumentInformation();
        info.setTitle(MessageFormat.format(texts.getString("document.subject"), request.reference));
        info.setAuthor("Centre commun de la sécurité sociale (CCSS)");
        info.setCreator("certification-service");
        Calendar created = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        created.setTimeInMillis(request.confirmedAt.toEpochMilli());
        info.setCreationDate(created);
        pdf.document().getDocumentCatalog().setLanguage(language.code());
    }

    private static void writeAgents(PdfTextWriter pdf, AgentsChoice choice, ResourceBundle texts, Language language)
            throws IOException {
        pdf.heading(texts.getString("section.agents"));
        pdf.field(texts.getString("oneAgentForAll"), texts.getString(choice.oneAgentForAllDomains() ? "yes" : "no"));
        List<AgentDetails> agents = choice.agents();
        if (agents.isEmpty()) {
            pdf.paragraph(texts.getString("agents.none"));
        }
        for (int i = 0; i < agents.size(); i++) {
            AgentDetails agent = agents.get(i);
            pdf.paragraph(MessageFormat.format(texts.getString("agent.heading"), i + 1));
            pdf.field(texts.getString("agent.name"), agent.name());
            pdf.field(texts.getString("registrationNumber"), agent.registrationNumber());
            pdf.field(texts.getString("address"), address(agent.address(), texts, language));
            pdf.field(texts.getString("email"), agent.email());
            pdf.field(texts.getString("domains"), agent.domains().stream()
                    .map(d -> texts.getString("domain." + d.name())).collect(Collectors.joining("\n")));
            if (agent.mandateEndsOn() != null) {
                pdf.field(texts.getString("agent.mandateEndsOn"), DateTimeFormatter.ofPattern(
                        texts.getString("date.pattern"), language.locale()).format(agent.mandateEndsOn()));
            }
        }
    }

    private static String address(PostalAddress address, ResourceBundle texts, Language language) {
        String country = new Locale("", address.country()).getDisplayCountry(language.locale());
        return MessageFormat.format(texts.getString("address.line"), address.street(), address.number())
                + "\n" + address.postcode() + " " + address.locality() + "\n" + country;
    }
}

package lu.ccss.guichet.client;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the codes off a code letter the way its recipient does: from the printed text (the PDF's text layer, read
 * with PDFBox), by the labels printed beside them. The letters are the English ones (correspondence language
 * {@code en}); codes are printed in groups of four symbols (2-9, A-Z without I, L, O, and *).
 */
public final class CodeLetters {

    private static final String SYMBOL = "[2-9A-HJKMNP-Z*]";
    private static final String GROUP = SYMBOL + "{4}";
    /** An access or revocation code: three groups. */
    private static final String LONG_CODE = "(" + GROUP + "-" + GROUP + "-" + GROUP + ")(?![-2-9A-Z*])";
    /** An agent security code: two groups. */
    private static final String SHORT_CODE = "(" + GROUP + "-" + GROUP + ")(?![-2-9A-Z*])";
    private static final Pattern AGENT_SECURITY = Pattern.compile(
            "Agent security code of (.+?) \\(registration number (\\d{11}|\\d{13})\\) " + SHORT_CODE);

    private CodeLetters() {
    }

    /** The four domains as their English letters name them. */
    public enum Domain {
        AFFILIATIONS("Employee registrations"),
        REMUNERATIONS("Employee pay and work incapacity"),
        EMPLOYER_DATA("Employer master data"),
        BILLING("Billing and accounting");

        private final String printedName;

        Domain(String printedName) {
            this.printedName = printedName;
        }

        public String printedName() {
            return printedName;
        }
    }

    /** The employer's letter: per domain a holder access code and revocation code; per agent its security code. */
    public record EmployerLetter(String text, Map<Domain, String> holderAccessCodes,
                                 Map<Domain, String> revocationCodes, Map<String, String> agentSecurityCodes) {
    }

    /** An agent's letter: per domain it acts in, an agent access code. */
    public record AgentLetter(String text, Map<Domain, String> agentAccessCodes) {
    }

    /** The text of a PDF, whitespace (line and column breaks) folded into single spaces. */
    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ").strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Not a readable PDF", e);
        }
    }

    public static EmployerLetter employerLetter(byte[] pdf) {
        String text = text(pdf);
        Map<Domain, String> access = new EnumMap<>(Domain.class);
        Map<Domain, String> revocation = new EnumMap<>(Domain.class);
        for (Domain d : Domain.values()) {
            find(text, d.printedName() + " – holder access code", LONG_CODE).ifPresent(c -> access.put(d, c));
            find(text, d.printedName() + " – holder revocation code", LONG_CODE).ifPresent(c -> revocation.put(d, c));
        }
        Map<String, String> agents = new LinkedHashMap<>();
        Matcher m = AGENT_SECURITY.matcher(text);
        while (m.find()) {
            agents.put(m.group(2), m.group(3));
        }
        return new EmployerLetter(text, access, revocation, agents);
    }

    public static AgentLetter agentLetter(byte[] pdf) {
        String text = text(pdf);
        Map<Domain, String> access = new EnumMap<>(Domain.class);
        for (Domain d : Domain.values()) {
            find(text, d.printedName() + " – agent access code", LONG_CODE).ifPresent(c -> access.put(d, c));
        }
        return new AgentLetter(text, access);
    }

    /** The code printed right after {@code label}. */
    private static Optional<String> find(String text, String label, String code) {
        Matcher m = Pattern.compile(Pattern.quote(label) + " " + code).matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}

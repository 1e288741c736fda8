package lu.ccss.guichet.events;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The two shapes of code the mandate-service issues and the mailing-service prints, and how what a person typed is
 * read: case, spaces and dashes (any dash a PDF viewer may paste) are ignored. A code that is not well formed, or whose
 * check character fails, is a typing error, never an attempt.
 */
public enum CodeFormat {

    /** Access and revocation codes: 11 random symbols (55 bits) and a check character. */
    ACCESS(12, "an access code"),
    /** Agent security codes: 7 random symbols (35 bits) and a check character. */
    AGENT_SECURITY(8, "an agent security code");

    private static final Pattern IGNORED = Pattern.compile("[\\s\\p{Pd}]+");

    private final int length;
    private final String label;

    CodeFormat(int length, String label) {
        this.length = length;
        this.label = label;
    }

    public int length() {
        return length;
    }

    /** A fresh random code of this format, check character included. */
    public String generate() {
        return CodeAlphabet.randomCodeWithCheck(length);
    }

    /** The bare symbols of what was typed or printed: upper case, without spaces or dashes. */
    public static String normalise(String typed) {
        return IGNORED.matcher(typed).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /** The format of a code of either shape, if {@code code} is one: symbols of the alphabet, a valid check. */
    public static Optional<CodeFormat> of(String code) {
        for (CodeFormat format : values()) {
            if (code != null && format.problemWith(code).isEmpty()) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** What is wrong with a typed code, if anything, in words for the person who typed it (never the code). */
    public Optional<String> problemWith(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.of("is required");
        }
        String code = normalise(typed);
        if (code.length() != length) {
            return Optional.of(label + " has " + length + " characters (dashes and spaces aside); please check it "
                    + "against your letter");
        }
        for (int i = 0; i < code.length(); i++) {
            if (!CodeAlphabet.isSymbol(code.charAt(i))) {
                return Optional.of(label + " holds only the digits 2 to 9, the letters A to Z except I, L and O, "
                        + "and *; please check it against your letter");
            }
        }
        if (!CodeAlphabet.hasValidCheck(code)) {
            return Optional.of("there is a typing error in this code (its last character does not match the "
                    + "others); please check it against your letter");
        }
        return Optional.empty();
    }
}
